package org.liandong.documents.internal;

import org.liandong.documents.DocumentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Document numbers per prefix, kind and year, without gaps: the sequence row stays locked by the
 * issuing transaction until it commits, so two documents sent at the same instant never share a
 * number and a rolled back act gives its number back.
 */
@Component
record DocumentNumbers(JdbcClient jdbc) {

	int next(String prefix, DocumentKind kind, int year) {
		if (increment(prefix, kind, year) == 0) {
			// the first number of the year; a concurrent first document may create the row meanwhile, and
			// an error would abort the transaction on PostgreSQL, hence "do nothing" on conflict
			jdbc.sql("""
					insert into document_number_sequence (prefix, kind, for_year, last_seq) values (?, ?, ?, 0)
					on conflict do nothing""")
				.params(prefix, kind.name(), year)
				.update();
			increment(prefix, kind, year);
		}
		return jdbc.sql("select last_seq from document_number_sequence where prefix = ? and kind = ? and for_year = ?")
			.params(prefix, kind.name(), year)
			.query(Integer.class)
			.single();
	}

	private int increment(String prefix, DocumentKind kind, int year) {
		return jdbc.sql("""
				update document_number_sequence set last_seq = last_seq + 1
				where prefix = ? and kind = ? and for_year = ?""")
			.params(prefix, kind.name(), year)
			.update();
	}
}
