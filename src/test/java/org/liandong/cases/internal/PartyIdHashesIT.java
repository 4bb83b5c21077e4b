package org.liandong.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import org.junit.jupiter.api.Test;
import org.liandong.cases.PartyLinkageIT;
import org.liandong.support.Api;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 22: the cases registered before the keyed hash of the ID number existed (V38), and those
 * hashed under an earlier master key, get the current hash at start-up, from the sealed number, so
 * that they are found like the new ones.
 */
@LiandongIntegrationTest
class PartyIdHashesIT {

	@LocalServerPort
	int port;

	@Autowired
	PartyIdHashes hashes;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_missing_or_stale_hash_is_written_again_from_the_sealed_number_and_a_current_one_is_left() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		String id = PartyLinkageIT.idNumber();
		long before = PartyLinkageIT.personCase(xinhua, id, "410402");
		long rotated = PartyLinkageIT.personCase(xinhua, id, "410402");
		long current = PartyLinkageIT.personCase(Api.at(port).as("wugang.enforcer", PASSWORD), id, "410481");
		String expected = hash(current);
		jdbc.sql("update enforcement_case set party_id_hash = null where id = ?").param(before).update();
		jdbc.sql("update enforcement_case set party_id_hash = ? where id = ?")
			.params("00000000:" + "0".repeat(64), rotated).update();

		assertThat(hashes.fill()).isGreaterThanOrEqualTo(2);

		assertThat(hash(before)).isEqualTo(expected);
		assertThat(hash(rotated)).isEqualTo(expected);
		assertThat(hash(current)).isEqualTo(expected);
		assertThat(PartyLinkageIT.codes(xinhua.get("/api/v1/cases/" + before + "/party-elsewhere").json().path("bureaus"))).containsExactly("410481");
		assertThat(hashes.fill()).as("nothing left to write").isZero();
	}

	private String hash(long id) {
		return jdbc.sql("select party_id_hash from enforcement_case where id = ?").param(id).query(String.class).single();
	}
}
