package org.liandong.assistance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Issue 18: assistance requests are read and written by hand-written SQL ({@link AssistanceRequestStore})
 * instead of Spring Data JDBC's mapping. The oracle is the table itself: every column the schema has
 * comes back from a load and a save as it was, but the version, which counts up by one; the columns a
 * save writes are all the table's but the id, the version and those the deadline watch and the upload
 * write (V11, V57).
 */
@LiandongIntegrationTest
class AssistanceRequestStoreIT {

	/** Written by others or by the store's own bookkeeping, never from the loaded request (V11, V57). */
	static final Set<String> NOT_WRITTEN = Set.of("id", "version", "accept_overdue_at", "answer_overdue_at",
			"attachment_count");

	@Autowired
	AssistanceRequestStore store;

	@Autowired
	JdbcClient jdbc;

	/** The requests a test made, on made-up cases and agencies: removed again, the schema being shared on PostgreSQL. */
	final List<Long> made = new ArrayList<>();

	@AfterEach
	void removeWhatWasMade() {
		made.forEach(id -> jdbc.sql("delete from assistance_request where id = ?").param(id).update());
	}

	@Test
	void every_column_comes_back_from_a_load_and_a_save_as_it_was_and_the_version_counts_up() {
		long id = rowWithEveryColumnSet();
		Map<String, Object> before = row(id);
		assertThat(before.values()).as("the row sets every column").doesNotContainNull();

		AssistanceRequest loaded = store.find(id).orElseThrow();
		store.update(loaded);

		Map<String, Object> after = row(id);
		assertThat(after.get("version")).isEqualTo(((Number) before.get("version")).intValue() + 1);
		after.remove("version");
		before.remove("version");
		assertThat(after).isEqualTo(before);
		assertThat(loaded.version()).isEqualTo(((Number) row(id).get("version")).intValue());
	}

	@Test
	void a_loaded_request_tells_each_column_of_its_row_through_its_own_accessor() {
		long id = rowWithEveryColumnSet();
		Map<String, Object> row = row(id);
		AssistanceRequest r = store.find(id).orElseThrow();

		// column by column, written here from the schema (V11, V14, V31, V45, V51, V57), not from the mapping
		Map<String, Object> read = new LinkedHashMap<>();
		read.put("id", r.id());
		read.put("case_id", r.caseId());
		read.put("case_number", r.caseNumber());
		read.put("requester_agency", r.requesterAgency());
		read.put("assisting_agency", r.assistingAgency());
		read.put("matters", r.matters());
		read.put("legal_basis", r.legalBasis());
		read.put("answer_by", r.answerBy());
		read.put("state", r.state().name());
		read.put("number", r.number());
		read.put("sent_at", r.sentAt());
		read.put("accept_due_at", r.acceptDueAt());
		read.put("answer_due_at", r.answerDueAt());
		read.put("accept_overdue_at", r.acceptOverdueAt());
		read.put("answer_overdue_at", r.answerOverdueAt());
		read.put("deadline_basis", r.deadlineBasis());
		read.put("return_reason", r.returnReason().name());
		read.put("return_text", r.returnText());
		read.put("answer_text", r.answerText());
		read.put("supplement_text", r.supplementText());
		read.put("accepted_at", r.acceptedAt());
		read.put("answered_at", r.answeredAt());
		read.put("confirmed_at", r.confirmedAt());
		read.put("created_at", r.createdAt());
		read.put("created_by_name", r.createdByName());
		read.put("last_changed_at", r.lastChangedAt());
		read.put("last_changed_by_name", r.lastChangedByName());
		read.put("version", r.version());
		read.put("deadline_agreement_id", r.deadlineAgreementId());
		read.put("rating_timeliness", r.ratingTimeliness());
		read.put("rating_quality", r.ratingQuality());
		read.put("submitted_by_name", r.submittedByName());
		read.put("submitted_at", r.submittedAt());
		read.put("signed_off_by_name", r.signedOffByName());
		read.put("signed_off_at", r.signedOffAt());
		read.put("sent_back_text", r.sentBackText());
		read.put("reviewed_by_name", r.reviewedByName());
		read.put("reviewed_at", r.reviewedAt());
		read.put("attachment_count", r.attachmentCount());
		// created_by has no accessor: a load and a save keep it (the test above)
		Map<String, Object> expected = new LinkedHashMap<>(row);
		expected.remove("created_by");
		assertThat(read).containsExactlyInAnyOrderEntriesOf(expected);
	}

	@Test
	void a_save_writes_every_column_but_the_id_the_version_the_overdue_marks_and_the_attachment_count() {
		Set<String> table = row(rowWithEveryColumnSet()).keySet();
		Set<String> written = draft().written().keySet();
		List<String> expected = new ArrayList<>(table);
		expected.removeAll(NOT_WRITTEN);
		assertThat(written).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void a_save_over_a_version_another_save_has_passed_is_refused_and_changes_nothing() {
		AssistanceRequest first = inserted();
		AssistanceRequest second = store.find(first.id()).orElseThrow();
		first.revise("410411", "先到的修改", "《安全生产法》", LocalDate.of(2027, 1, 8), "先到的人", OffsetDateTime
			.parse("2026-12-07T10:00:00Z").toInstant());
		store.update(first);
		second.revise("410411", "后到的修改", "《安全生产法》", LocalDate.of(2027, 1, 9), "后到的人", OffsetDateTime
			.parse("2026-12-07T10:01:00Z").toInstant());

		assertThatThrownBy(() -> store.update(second)).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(row(first.id())).containsEntry("matters", "先到的修改").containsEntry("version", 1);
	}

	@Test
	void a_save_leaves_the_overdue_marks_and_the_attachment_count_others_wrote_meanwhile() {
		AssistanceRequest loaded = inserted();
		OffsetDateTime marked = OffsetDateTime.parse("2026-12-07T16:00:00Z");
		jdbc.sql("update assistance_request set accept_overdue_at = ?, answer_overdue_at = ?, attachment_count = 3 "
				+ "where id = ?").params(marked, marked, loaded.id()).update();

		store.update(loaded);

		assertThat(row(loaded.id())).containsEntry("accept_overdue_at", marked.toInstant())
			.containsEntry("answer_overdue_at", marked.toInstant())
			.containsEntry("attachment_count", 3);
	}

	private AssistanceRequest inserted() {
		AssistanceRequest stored = store.insert(draft());
		made.add(stored.id());
		return stored;
	}

	private static AssistanceRequest draft() {
		return AssistanceRequest.draft(1, "平应急案〔2026〕1号", "410402", "410403", "核实企业登记情况", "《安全生产法》",
				LocalDate.of(2027, 1, 5), "xinhua.enforcer", "新华区 张三", OffsetDateTime.parse("2026-12-07T09:00:00Z")
					.toInstant());
	}

	/** A request's row with a value in every column, each column's its own, chosen by the column's type. */
	private long rowWithEveryColumnSet() {
		// an extractor, as a row callback is not called without a row
		Map<String, Object> values = jdbc.sql("select * from assistance_request where 1 = 0").query(rs -> {
			Map<String, Object> columns = new LinkedHashMap<>();
			ResultSetMetaData meta = rs.getMetaData();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				String column = meta.getColumnName(i).toLowerCase();
				if (column.equals("id")) {
					continue;
				}
				columns.put(column, switch (meta.getColumnType(i)) {
					case Types.VARCHAR -> ("值" + column).substring(0, Math.min(column.length() + 1, meta.getPrecision(i)));
					case Types.DATE -> LocalDate.of(2027, 1, 1).plusDays(i);
					case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.of(2026, 12, 1, 8, 0, 0,
							123_456_000, ZoneOffset.UTC).plusMinutes(i);
					case Types.INTEGER, Types.SMALLINT, Types.BIGINT -> i;
					default -> throw new AssertionError("no test value for column " + column + " of type "
							+ meta.getColumnTypeName(i));
				});
			}
			return columns;
		});
		values.put("state", "ANSWERED");
		values.put("return_reason", "MATTERS_UNCLEAR");
		values.put("rating_timeliness", 4);
		values.put("rating_quality", 5);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into assistance_request (" + String.join(", ", values.keySet()) + ") values ("
				+ String.join(", ", values.keySet().stream().map(c -> "?").toList()) + ")")
			.params(new ArrayList<>(values.values()))
			.update(key, "id");
		made.add(key.getKeyAs(Long.class));
		return key.getKeyAs(Long.class);
	}

	/** The row as the database holds it: instants for timestamps, local dates for dates, ints for integers and small integers. */
	private Map<String, Object> row(long id) {
		Map<String, Object> row = new LinkedHashMap<>();
		jdbc.sql("select * from assistance_request where id = ?").param(id).query(rs -> {
			ResultSetMetaData meta = rs.getMetaData();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				int type = meta.getColumnType(i);
				OffsetDateTime at = type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE
						? rs.getObject(i, OffsetDateTime.class) : null;
				Object value = at != null ? at.toInstant()
						: type == Types.DATE ? rs.getObject(i, LocalDate.class) : rs.getObject(i);
				row.put(meta.getColumnName(i).toLowerCase(),
						value instanceof Number n && !(value instanceof Long) ? n.intValue() : value);
			}
		});
		return row;
	}
}
