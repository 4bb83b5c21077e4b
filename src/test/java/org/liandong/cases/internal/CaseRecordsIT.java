package org.liandong.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liandong.platform.DomainException;
import org.liandong.support.Api;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18: a case is read with its participants by one hand-written statement ({@link CaseRecords#found})
 * and still saved by Spring Data JDBC. The oracle is Spring Data JDBC's own reading of the same rows: both
 * give the same case, field by field, with every column of the row set; and a case read by hand and saved
 * comes back the same but for its version.
 */
@LiandongIntegrationTest
class CaseRecordsIT {

	@LocalServerPort
	int port;

	@Autowired
	CaseRecords records;

	@Autowired
	CaseRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_case_read_by_hand_is_the_case_spring_data_reads_with_every_column_set_and_three_participants() {
		long id = caseWithEveryColumnSet();

		EnforcementCase byHand = records.found(id);

		assertThat(byHand.participants()).hasSize(3);
		assertThat(byHand).usingRecursiveComparison().ignoringCollectionOrder()
			.isEqualTo(repository.findById(id).orElseThrow());
	}

	@Test
	void a_case_read_by_hand_and_saved_keeps_every_column_and_its_participants_and_counts_its_version_up() {
		long id = caseWithEveryColumnSet();
		EnforcementCase before = repository.findById(id).orElseThrow();

		records.saveOrStale(records.found(id));

		assertThat(repository.findById(id).orElseThrow()).usingRecursiveComparison().ignoringCollectionOrder()
			.ignoringFields("version")
			.isEqualTo(before);
		assertThat(records.found(id).version()).isEqualTo(before.version() + 1);
	}

	@Test
	void a_case_without_participants_is_read_with_none() {
		long id = caseWithEveryColumnSet();
		jdbc.sql("delete from case_participant where case_id = ?").param(id).update();

		assertThat(records.found(id).participants()).isEmpty();
		assertThat(records.found(id)).usingRecursiveComparison().ignoringCollectionOrder()
			.isEqualTo(repository.findById(id).orElseThrow());
	}

	@Test
	void a_case_that_does_not_exist_is_not_found() {
		assertThatThrownBy(() -> records.found(-1)).isInstanceOf(DomainException.class).hasMessageContaining("案件 -1 不存在");
	}

	/**
	 * A case registered over the API, its nullable columns filled in and the columns of one type given values of
	 * their own (host, registrar, division; registration and last change), with two more participants.
	 */
	private long caseWithEveryColumnSet() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		long id = Fixtures.enterpriseCase(xinhua, "410402", "COUNTY").path("id").asLong();
		jdbc.sql("""
				update enforcement_case set party_id_cipher = 'cipher', party_id_masked = '410402********0011',
				    party_id_hash = 'hash', occurred_on = ?, host_agency = '410404', proposed_host_agency = '410403',
				    host_override_reason = '当事人住所地在石龙区', division_code = '410411',
				    last_changed_at = registered_at + interval '1' hour, last_changed_by = 'weidong.enforcer',
				    last_changed_by_name = '卫东区 李四' where id = ?""")
			.params(LocalDate.of(2026, 11, 30), id)
			.update();
		jdbc.sql("insert into case_participant (case_id, agency, role) values (?, '410411', 'JOINT'), (?, '410403', 'ASSISTING')")
			.params(id, id)
			.update();
		List<String> nulls = new ArrayList<>();
		jdbc.sql("select * from enforcement_case where id = ?").param(id).query(rs -> {
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				if (rs.getObject(i) == null) {
					nulls.add(rs.getMetaData().getColumnName(i));
				}
			}
		});
		assertThat(nulls).as("columns the test leaves empty; a new column needs a value here").isEmpty();
		return id;
	}
}
