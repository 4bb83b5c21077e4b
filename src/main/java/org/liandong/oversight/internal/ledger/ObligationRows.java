package org.liandong.oversight.internal.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.liandong.oversight.ObligationState;
import org.liandong.oversight.ObligationView;

/** Reads ledger rows. */
final class ObligationRows {

	private ObligationRows() {
	}

	static ObligationView view(ResultSet rs, Map<String, String> names) throws SQLException {
		String owner = rs.getString("owner_agency");
		return new ObligationView(rs.getLong("id"), rs.getString("subject_type"), rs.getLong("subject_id"),
				rs.getString("subject_name"), rs.getString("obligation"), owner, names.getOrDefault(owner, owner),
				rs.getString("city_agency"), rs.getString("link"), instant(rs, "opened_at"), instant(rs, "due_at"),
				ObligationState.valueOf(rs.getString("state")), instant(rs, "settled_at"), instant(rs, "reminded_at"),
				instant(rs, "overdue_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** The text cut to a column's length, marked where it was cut; null stays null. */
	static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
