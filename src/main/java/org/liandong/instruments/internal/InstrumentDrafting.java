package org.liandong.instruments.internal;

import static org.liandong.instruments.internal.InstrumentRecords.illegal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.instruments.InstrumentKind;
import org.liandong.instruments.InstrumentState;
import org.liandong.instruments.InstrumentView;
import org.liandong.instruments.NewInstrument;
import org.liandong.instruments.internal.InstrumentRecords.Row;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.instruments.Instruments;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.Sm3;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Drafting an agreement or memorandum (R3.1, R4.1): the first draft with its parties and term, new
 * versions of the text, a memorandum party's own measures and attachments to the current version.
 * A new text or changed measures void the signatures given. Runs in the facade's transaction.
 */
@Component
record InstrumentDrafting(InstrumentRecords records, InstrumentReading reading, SignaturesAwaited awaited,
		Agencies agencies, JdbcClient jdbc, Clock clock) {


	InstrumentView draft(NewInstrument n, SignedInUser drafter) {
		Set<String> parties = new LinkedHashSet<>();
		parties.add(drafter.agencyCode());
		for (String code : n.partyCodes()) {
			String trimmed = code == null ? "" : code.trim();
			agencies.find(trimmed)
				.orElseThrow(() -> DomainException.invalid("unknown-agency", "参加单位 %s 不存在".formatted(trimmed)));
			parties.add(trimmed);
		}
		if (parties.size() < 2) {
			throw DomainException.invalid("too-few-parties", "协议或备忘录至少由两个单位签署，请选择其他参加单位");
		}
		if (!n.effectiveUntil().isAfter(n.effectiveFrom())) {
			throw DomainException.invalid("invalid-term", "截止日期应晚于生效日期");
		}
		if (n.kind() == InstrumentKind.MEMORANDUM && (n.acceptWorkingDays() != null || n.answerWorkingDays() != null)) {
			throw DomainException.invalid("commitment-on-memorandum", "协查时限约定只适用于行政协议");
		}
		if (n.acceptWorkingDays() != null && n.answerWorkingDays() != null
				&& n.answerWorkingDays() <= n.acceptWorkingDays()) {
			// an answer date no later than the acceptance deadline would leave the requester nothing to choose
			throw DomainException.invalid("answer-before-accept", "答复时限（%d 个工作日）应长于受理时限（%d 个工作日）"
				.formatted(n.answerWorkingDays(), n.acceptWorkingDays()));
		}
		Instant now = clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into instrument (kind, title, scope, state, effective_from, effective_until, accept_working_days,
				    answer_working_days, drafting_agency, current_version, created_at, created_by_name, last_changed_at,
				    last_changed_by_name, version)
				values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, 0)""")
			.params(n.kind().name(), n.title().trim(), n.scope().trim(), n.effectiveFrom(), n.effectiveUntil(),
					n.acceptWorkingDays(), n.answerWorkingDays(), drafter.agencyCode(), ChineseTime.utc(now),
					drafter.describe(), ChineseTime.utc(now), drafter.describe())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		for (String party : parties) {
			jdbc.sql("insert into instrument_party (instrument_id, agency) values (?, ?)").params(id, party).update();
		}
		text(id, 1, n.text().trim(), "初稿", drafter, now);
		records.publish(id, "DRAFTED", "起草，参加单位：" + names(parties));
		return reading.find(id, drafter);
	}

	InstrumentView revise(long id, String body, String note, Long version, SignedInUser editor) {
		Row row = records.locked(id, editor);
		records.requireParty(row, editor);
		if (row.state() != InstrumentState.DRAFT && row.state() != InstrumentState.AWAITING_SIGNATURES) {
			throw illegal(row, "修改正文");
		}
		if (body == null || body.isBlank()) {
			throw DomainException.invalid("text-required", "请填写正文");
		}
		if (body.length() > 60000) {
			throw DomainException.invalid("text-too-long", "正文不能超过 60000 字");
		}
		Instant now = clock.instant();
		int next = row.currentVersion() + 1;
		records.bump(row, version, editor, now, "current_version = ?", next);
		text(id, next, body.trim(), note == null || note.isBlank() ? null : note.trim(), editor, now);
		// a signature is given to a text: a new text is signed anew
		voidSignatures(id);
		if (row.state() == InstrumentState.AWAITING_SIGNATURES) {
			awaited.withdrawn(row, now);
			awaited.offered(row, next, now);
		}
		records.publish(id, "REVISED", "形成第 %d 稿%s，各方须重新签署".formatted(next,
				note == null || note.isBlank() ? "" : "（" + note.trim() + "）"));
		return reading.find(id, editor);
	}

	InstrumentView setMeasures(long id, List<String> measures, SignedInUser actor) {
		Row row = records.locked(id, actor);
		records.requireParty(row, actor);
		if (row.kind() != InstrumentKind.MEMORANDUM) {
			throw DomainException.invalid("measures-on-agreement", "惩戒措施只适用于联合惩戒合作备忘录");
		}
		if (row.state() != InstrumentState.DRAFT && row.state() != InstrumentState.AWAITING_SIGNATURES) {
			throw illegal(row, "修改惩戒措施");
		}
		boolean signed = jdbc.sql(
				"select count(*) from instrument_party where instrument_id = ? and agency = ? and signed_version is not null")
			.params(id, actor.agencyCode()).query(Integer.class).single() > 0;
		if (signed) {
			throw DomainException.conflict("already-signed", "本单位已签署，不能再修改惩戒措施");
		}
		List<String> cleaned = measures == null ? List.of() : measures.stream().filter(m -> m != null && !m.isBlank())
			.map(String::trim).distinct().toList();
		if (cleaned.stream().anyMatch(m -> m.length() > 500)) {
			throw DomainException.invalid("measure-too-long", "每项惩戒措施不超过 500 字");
		}
		jdbc.sql("delete from memorandum_measure where instrument_id = ? and agency = ?").params(id, actor.agencyCode())
			.update();
		for (String measure : cleaned) {
			jdbc.sql("insert into memorandum_measure (instrument_id, agency, measure) values (?, ?, ?)")
				.params(id, actor.agencyCode(), measure).update();
		}
		// the others signed the memorandum with the measures it had: changed measures are signed anew
		List<String> signedBefore = jdbc.sql(
				"select agency from instrument_party where instrument_id = ? and signed_version is not null order by agency")
			.param(id).query(String.class).list();
		boolean othersSigned = voidSignatures(id) > 0;
		Instant now = clock.instant();
		records.bump(row, null, actor, now, "");
		if (row.state() == InstrumentState.AWAITING_SIGNATURES) {
			awaited.owedAgain(row, signedBefore, now);
		}
		records.publish(id, "MEASURES_SET", "%s的惩戒措施：%s%s".formatted(actor.agencyName(), String.join("；", cleaned),
				othersSigned ? "；已签署的单位须重新签署" : ""));
		return reading.find(id, actor);
	}

	InstrumentView attach(long id, String fileName, String contentType, byte[] content, SignedInUser uploader) {
		Row row = records.locked(id, uploader);
		records.requireParty(row, uploader);
		String name = Instruments.ATTACHMENTS.check(fileName, content);
		jdbc.sql("""
				insert into instrument_attachment (instrument_id, version_no, file_name, content_type, size_bytes, sm3,
				    content, uploaded_at, uploaded_by_name)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, row.currentVersion(), name, contentType == null ? "application/octet-stream" : contentType,
					content.length, Sm3.hex(content), content, ChineseTime.utc(clock.instant()), uploader.describe())
			.update();
		records.publish(id, "ATTACHED", "第 %d 稿附件“%s”".formatted(row.currentVersion(), name));
		return reading.find(id, uploader);
	}

	/** Clears the signatures given; how many there were. */
	private int voidSignatures(long id) {
		return jdbc.sql("""
				update instrument_party set signed_version = null, signed_at = null, signed_by = null, signed_by_name = null
				where instrument_id = ? and signed_version is not null""").param(id).update();
	}

	private void text(long id, int versionNo, String body, String note, SignedInUser editor, Instant now) {
		jdbc.sql("""
				insert into instrument_text (instrument_id, version_no, body, note, changed_at, changed_by_name)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, versionNo, body, note, ChineseTime.utc(now), editor.describe())
			.update();
	}

	private String names(Set<String> codes) {
		Map<String, String> names = records.names();
		return codes.stream().map(code -> names.getOrDefault(code, code)).collect(Collectors.joining("、"));
	}
}
