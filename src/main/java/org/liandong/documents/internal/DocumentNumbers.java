package org.liandong.documents.internal;

import java.util.Optional;

import org.liandong.documents.DocumentKind;
import org.liandong.platform.DatabaseProduct;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Document numbers per prefix, kind and year, without gaps: the sequence row stays locked by the
 * issuing transaction until it commits, so two documents sent at the same instant never share a
 * number and a rolled back act gives its number back. A number costs one statement (issue 18).
 */
@Component
record DocumentNumbers(JdbcClient jdbc, DatabaseProduct database) {

	int next(String prefix, DocumentKind kind, int year) {
		return increment(prefix, kind, year).orElseGet(() -> {
			// the first number of the year; a concurrent first document may create the row meanwhile, and
			// an error would abort the transaction on PostgreSQL, hence "do nothing" on conflict
			jdbc.sql("""
					insert into document_number_sequence (prefix, kind, for_year, last_seq) values (?, ?, ?, 0)
					on conflict do nothing""")
				.params(prefix, kind.name(), year)
				.update();
			return increment(prefix, kind, year).orElseThrow();
		});
	}

	private Optional<Integer> increment(String prefix, DocumentKind kind, int year) {
		return jdbc.sql(database.updateReturning("document_number_sequence", "last_seq = last_seq + 1",
				"prefix = ? and kind = ? and for_year = ?", "last_seq"))
			.params(prefix, kind.name(), year)
			.query(Integer.class)
			.optional();
	}
}
