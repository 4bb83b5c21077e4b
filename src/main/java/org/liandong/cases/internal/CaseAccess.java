package org.liandong.cases.internal;

import java.util.Collection;
import java.util.Optional;

import org.liandong.cases.CaseView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code case_access} in step with a case: full access for every agency on it, a summary for
 * each bureau notified of it (X2). Written in the transaction of the change that grants it.
 */
@Component
class CaseAccess {

	private final JdbcClient jdbc;

	CaseAccess(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void grantFull(long caseId, Collection<String> agencies) {
		for (String agency : agencies) {
			// a bureau first notified and later taking part moves up from the summary
			jdbc.sql("update case_access set access = 'FULL' where agency = ? and case_id = ?").params(agency, caseId)
				.update();
			jdbc.sql("insert into case_access (agency, case_id, access) values (?, ?, 'FULL') on conflict do nothing")
				.params(agency, caseId)
				.update();
		}
	}

	void grantSummary(long caseId, String agency) {
		jdbc.sql("insert into case_access (agency, case_id, access) values (?, ?, 'SUMMARY') on conflict do nothing")
			.params(agency, caseId)
			.update();
	}

	Optional<CaseView.Access> of(long caseId, String agency) {
		return jdbc.sql("select access from case_access where agency = ? and case_id = ?")
			.params(agency, caseId)
			.query(String.class)
			.optional()
			.map(CaseView.Access::valueOf);
	}
}
