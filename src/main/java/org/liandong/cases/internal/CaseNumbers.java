package org.liandong.cases.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Case numbers per registering agency and year, without gaps: the sequence row stays locked by the
 * registering transaction until it commits, so two registrations never share a number and a rolled
 * back registration gives its number back.
 */
@Component
record CaseNumbers(JdbcClient jdbc) {

	/** Takes the next number; must run inside the registering transaction. */
	int next(String agency, int year) {
		if (increment(agency, year) == 0) {
			// the first number of the year; a concurrent first registration may create the row meanwhile,
			// and an error would abort the transaction on PostgreSQL, hence "do nothing" on conflict
			jdbc.sql("insert into case_number_sequence (agency, for_year, last_seq) values (?, ?, 0) on conflict do nothing")
				.params(agency, year)
				.update();
			increment(agency, year);
		}
		return jdbc.sql("select last_seq from case_number_sequence where agency = ? and for_year = ?")
			.params(agency, year)
			.query(Integer.class)
			.single();
	}

	private int increment(String agency, int year) {
		return jdbc.sql("update case_number_sequence set last_seq = last_seq + 1 where agency = ? and for_year = ?")
			.params(agency, year)
			.update();
	}

	static String format(String agencyShortName, int year, int seq) {
		return "%s案〔%d〕%d号".formatted(agencyShortName, year, seq);
	}
}
