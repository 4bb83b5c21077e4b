package org.liandong.cases.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
record CaseAccess(JdbcClient jdbc) {

	void grantFull(EnforcementCase c, Collection<String> agencies) {
		for (String agency : agencies) {
			// a bureau first notified and later taking part moves up from the summary
			jdbc.sql("update case_access set access = 'FULL' where agency = ? and case_id = ?").params(agency, c.id())
				.update();
			insert(c, agency, CaseView.Access.FULL);
		}
	}

	/** Full access of one agency to a case, read from the case's row (its status and registration). */
	void grantFull(long caseId, String agency) {
		// most often the agency had no access: one statement; a notified one moves up from the summary (issue 18)
		if (jdbc.sql("""
				insert into case_access (agency, case_id, access, status, registered_at)
				select ?, c.id, 'FULL', c.status, c.registered_at from enforcement_case c where c.id = ?
				on conflict do nothing""")
			.params(agency, caseId)
			.update() == 0) {
			jdbc.sql("update case_access set access = 'FULL' where agency = ? and case_id = ?").params(agency, caseId)
				.update();
		}
	}

	void grantSummary(EnforcementCase c, String agency) {
		insert(c, agency, CaseView.Access.SUMMARY);
	}

	/** Keeps the copy of the status, by which bureaus filter their lists, in step with the case. */
	void statusChanged(EnforcementCase c) {
		jdbc.sql("update case_access set status = ? where case_id = ?").params(c.status().name(), c.id()).update();
	}

	private void insert(EnforcementCase c, String agency, CaseView.Access access) {
		jdbc.sql("""
				insert into case_access (agency, case_id, access, status, registered_at) values (?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(agency, c.id(), access.name(), c.status().name(),
					OffsetDateTime.ofInstant(c.registeredAt(), ZoneOffset.UTC))
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
