package org.liandong.instruments.internal;

import static org.liandong.instruments.internal.InstrumentRecords.instant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.audit.AuditTrail;
import org.liandong.instruments.InstrumentKind;
import org.liandong.instruments.InstrumentState;
import org.liandong.instruments.InstrumentSummary;
import org.liandong.instruments.InstrumentView;
import org.liandong.instruments.internal.InstrumentRecords.Row;
import org.liandong.platform.DomainException;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.StoredFile;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reading agreements and memoranda (R3.1, R4.1): one instrument with its parties, versions,
 * attachments and what the reader's agency may do next, an attachment, and the list; a party or the
 * city level sees an instrument, others get not found. One whose term ended reads as expired at
 * once. Runs in the facade's transaction.
 */
@Component
record InstrumentReading(InstrumentRecords records, Agencies agencies, JdbcClient jdbc, AuditTrail audit) {

	StoredFile attachment(long id, long attachmentId, SignedInUser reader) {
		records.row(id, reader);
		StoredFile file = jdbc.sql("""
				select file_name, content_type, sm3, content from instrument_attachment where instrument_id = ? and id = ?""")
			.params(id, attachmentId)
			.query((rs, n) -> new StoredFile(rs.getString("file_name"), rs.getString("content_type"), rs.getString("sm3"),
					rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-attachment", "附件 %d 不存在".formatted(attachmentId)));
		// an agreement's annex leaving the platform is a sensitive read (X1)
		audit.record("INSTRUMENT_ATTACHMENT_DOWNLOADED", "instrument", "#" + id,
				"下载协议附件“%s”（SM3 %s）".formatted(file.fileName(), file.sm3()));
		return file;
	}

	InstrumentView find(long id, SignedInUser reader) {
		Row row = records.row(id, reader);
		Map<String, String> names = records.names();
		List<String> parties = records.parties(id);
		boolean party = parties.contains(reader.agencyCode());
		List<InstrumentView.Party> partyViews = jdbc.sql("select * from instrument_party where instrument_id = ? order by agency")
			.param(id)
			.query((rs, n) -> new InstrumentView.Party(rs.getString("agency"), names.getOrDefault(rs.getString("agency"),
					rs.getString("agency")), rs.getObject("signed_version") != null, instant(rs, "signed_at"),
					rs.getString("signed_by_name"), measures(id, rs.getString("agency"))))
			.list();
		List<InstrumentView.TextVersion> versions = jdbc.sql("""
				select version_no, changed_at, changed_by_name, note from instrument_text where instrument_id = ?
				order by version_no""")
			.param(id)
			.query((rs, n) -> new InstrumentView.TextVersion(rs.getInt("version_no"), instant(rs, "changed_at"),
					rs.getString("changed_by_name"), rs.getString("note")))
			.list();
		String text = jdbc.sql("select body from instrument_text where instrument_id = ? and version_no = ?")
			.params(id, row.currentVersion()).query(String.class).single();
		List<InstrumentView.Attachment> attachments = jdbc.sql("""
				select id, version_no, file_name, size_bytes, sm3, uploaded_at, uploaded_by_name from instrument_attachment
				where instrument_id = ? order by id""")
			.param(id)
			.query((rs, n) -> new InstrumentView.Attachment(rs.getLong("id"), rs.getInt("version_no"),
					rs.getString("file_name"), rs.getLong("size_bytes"), rs.getString("sm3"), instant(rs, "uploaded_at"),
					rs.getString("uploaded_by_name")))
			.list();
		boolean mySignature = partyViews.stream().anyMatch(p -> p.agencyCode().equals(reader.agencyCode()) && p.signed());
		List<String> actions = new ArrayList<>();
		if (party) {
			switch (row.state()) {
				case DRAFT -> actions.addAll(List.of("revise", "submit", "terminate"));
				case AWAITING_SIGNATURES -> {
					actions.add("revise");
					if (!mySignature) {
						actions.add("sign");
					}
					actions.add("terminate");
				}
				case IN_FORCE -> actions.add("terminate");
				default -> {
				}
			}
			if (row.kind() == InstrumentKind.MEMORANDUM && !mySignature
					&& (row.state() == InstrumentState.DRAFT || row.state() == InstrumentState.AWAITING_SIGNATURES)) {
				actions.add("measures");
			}
		}
		return new InstrumentView(id, row.kind(), row.title(), row.scope(), effectiveState(row), row.effectiveFrom(),
				row.effectiveUntil(), row.acceptWorkingDays(), row.answerWorkingDays(), row.draftingAgency(),
				names.getOrDefault(row.draftingAgency(), row.draftingAgency()), row.currentVersion(), text, partyViews,
				versions, attachments, row.terminatedReason(), row.inForceAt(), row.version(), actions);
	}

	Page<InstrumentSummary> list(InstrumentKind kind, InstrumentState state, SignedInUser reader, Pageable pageable) {
		boolean city = agencies.isCityLevel(reader.agencyCode());
		LocalDate today = records.today();
		return new PagedQuery("""
				i.id, i.kind, i.title, i.state, i.effective_from, i.effective_until,
				(select count(*) from instrument_party p where p.instrument_id = i.id and p.signed_version is not null) as signed,
				(select count(*) from instrument_party p where p.instrument_id = i.id) as parties""",
				"instrument i", Map.of("title", "i.title", "effectiveUntil", "i.effective_until", "state", "i.state"),
				"i.id desc")
			.whereIf(!city, "exists (select 1 from instrument_party p where p.instrument_id = i.id and p.agency = ?)",
					reader.agencyCode())
			.where("i.kind = ?", kind == null ? null : kind.name())
			.whereIf(state == InstrumentState.IN_FORCE, "i.state = 'IN_FORCE' and i.effective_until >= ?", today)
			.whereIf(state == InstrumentState.EXPIRED,
					"(i.state = 'EXPIRED' or (i.state = 'IN_FORCE' and i.effective_until < ?))", today)
			.whereIf(state != null && state != InstrumentState.IN_FORCE && state != InstrumentState.EXPIRED,
					"i.state = ?", state == null ? null : state.name())
			.fetch(jdbc, pageable, (rs, n) -> {
				InstrumentState stored = InstrumentState.valueOf(rs.getString("state"));
				LocalDate until = rs.getObject("effective_until", LocalDate.class);
				return new InstrumentSummary(rs.getLong("id"), InstrumentKind.valueOf(rs.getString("kind")),
						rs.getString("title"), stored == InstrumentState.IN_FORCE && until.isBefore(today)
								? InstrumentState.EXPIRED : stored,
						rs.getObject("effective_from", LocalDate.class), until, rs.getInt("signed"), rs.getInt("parties"));
			});
	}

	private InstrumentState effectiveState(Row row) {
		return row.state() == InstrumentState.IN_FORCE && row.effectiveUntil().isBefore(records.today())
				? InstrumentState.EXPIRED : row.state();
	}

	private List<String> measures(long id, String agency) {
		return jdbc.sql("select measure from memorandum_measure where instrument_id = ? and agency = ? order by id")
			.params(id, agency).query(String.class).list();
	}
}
