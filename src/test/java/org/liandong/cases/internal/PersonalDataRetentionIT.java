package org.liandong.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Audited;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Issue 9: a person's ID-card number is erased five years after the case was closed, the masked
 * number stays; open cases and recently closed ones keep it. The erasure is on the timeline and
 * in the audit trail.
 */
@LiandongIntegrationTest
class PersonalDataRetentionIT {

	@LocalServerPort
	int port;

	@Autowired
	PersonalDataRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_id_number_of_a_case_closed_five_years_ago_is_erased_and_the_masked_form_kept() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		long longClosed = closedPersonCase(xinhua, "11010519491231002X");
		long recentlyClosed = closedPersonCase(xinhua, "410402198001010014");
		long open = personCase(xinhua, "11010519491231002X");
		jdbc.sql("update enforcement_case set last_changed_at = ? where id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusYears(5).minusDays(1), longClosed)
			.update();

		assertThat(retention.erase()).isGreaterThanOrEqualTo(1);

		assertThat(cipher(longClosed)).isNull();
		assertThat(jdbc.sql("select count(*) from enforcement_case where id = ? and party_id_hash is null").param(longClosed)
			.query(Long.class).single()).as("its keyed hash goes with it (issue 22)").isEqualTo(1);
		assertThat(cipher(recentlyClosed)).as("closed only now").isNotNull();
		assertThat(cipher(open)).as("still open").isNotNull();
		JsonNode found = xinhua.get("/api/v1/cases/" + longClosed).json();
		assertThat(found.path("party").path("idNumber").asString()).isEqualTo("110105********002X");
		assertThat(found.path("timeline").toString()).contains("当事人公民身份号码已删除");
		Audited.chained();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'PERSONAL_DATA_ERASED' and object_id = ?")
			.param(String.valueOf(longClosed)).query(Long.class).single()).isEqualTo(1);
		assertThat(retention.erase()).as("nothing left to erase twice").isZero();
	}

	private long closedPersonCase(Api api, String idNumber) {
		long id = personCase(api, idNumber);
		int version = 0;
		for (String status : new String[] { "INVESTIGATING", "DECIDED", "CLOSED" }) {
			Reply moved = api.patch("/api/v1/cases/" + id, "{\"version\": %d, \"status\": \"%s\"}".formatted(version, status));
			assertThat(moved.status()).as(moved.body()).isEqualTo(200);
			version = moved.json().path("version").asInt();
		}
		return id;
	}

	private static long personCase(Api api, String idNumber) {
		Reply created = api.post("/api/v1/cases", """
				{"partyKind": "PERSON", "partyName": "张某某", "partyIdNumber": "%s", "supervisionLevel": "COUNTY",
				 "divisionCode": "410402", "violationType": "无证作业", "severity": "GENERAL"}""".formatted(idNumber));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private String cipher(long id) {
		return jdbc.sql("select party_id_cipher from enforcement_case where id = ?").param(id)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
	}
}
