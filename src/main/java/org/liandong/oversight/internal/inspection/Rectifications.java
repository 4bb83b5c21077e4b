package org.liandong.oversight.internal.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.liandong.inbox.InboxDelivery;
import org.liandong.oversight.InspectionEvent;
import org.liandong.oversight.RectificationView;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.ObligationSettled;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rectification items inspections leave (R8.1, R2.6): owed by the inspected bureau until it
 * reports what it did, which meets the obligation in the ledger and tells the inspectors.
 */
@Component
record Rectifications(JdbcClient jdbc, Jurisdiction jurisdiction, InspectionRecords inspections,
		ApplicationEventPublisher events, Clock clock) {

	static final String SELECT = """
			select r.*, i.title as inspection_title, i.city_agency, i.inspecting_agency from rectification r
			join inspection i on i.id = r.inspection_id""";

	Page<RectificationView> list(boolean openOnly, SignedInUser reader, Pageable pageable) {
		boolean city = jurisdiction.cityLevel(reader);
		Map<String, String> names = jurisdiction.names();
		Instant now = clock.instant();
		return new PagedQuery("r.*, i.title as inspection_title",
				"rectification r join inspection i on i.id = r.inspection_id",
				Map.of("dueAt", "r.due_at"), "r.due_at asc, r.id")
			.whereIf(city, "i.city_agency = ?", city ? jurisdiction.cityOf(reader.agencyCode()) : null)
			.whereIf(!city, "r.owner_agency = ?", reader.agencyCode())
			.whereIf(openOnly, "r.state = 'OPEN'")
			.fetch(jdbc, pageable, (rs, n) -> view(rs, names, now));
	}

	RectificationView report(long id, String report, SignedInUser owner) {
		Map<String, String> names = jurisdiction.names();
		Found found = jdbc.sql(SELECT + " where r.id = ?").param(id)
			.query((rs, n) -> new Found(view(rs, names, clock.instant()), rs.getString("inspecting_agency")))
			.optional()
			.orElseThrow(() -> notFound(id));
		// who may not see the inspection does not learn that the item exists
		inspections.find(found.view().inspectionId(), owner);
		if (!found.view().ownerAgencyCode().equals(owner.agencyCode())) {
			throw DomainException.forbidden("not-rectification-owner", "只有被检查单位可以报告整改情况");
		}
		if (report == null || report.isBlank()) {
			throw DomainException.invalid("rectification-report-required", "请填写整改情况：做了什么、结果如何");
		}
		if (report.trim().length() > 4000) {
			throw DomainException.invalid("rectification-report-too-long", "整改情况不能超过 4000 字");
		}
		Instant now = clock.instant();
		int done = jdbc.sql("""
				update rectification set state = 'DONE', report = ?, reported_at = ?, reported_by_name = ?
				where id = ? and state = 'OPEN'""")
			.params(report.trim(), ChineseTime.utc(now), owner.describe(), id)
			.update();
		if (done == 0) {
			throw DomainException.conflict("rectification-reported", "该整改事项已经报告过整改情况");
		}
		RectificationView item = found.view();
		events.publishEvent(new ObligationSettled(InspectionRecords.SUBJECT_TYPE, id, InspectionRecords.OBLIGATION,
				item.ownerAgencyCode(), now, true));
		events.publishEvent(new InspectionEvent("rectification", id, "RECTIFICATION_REPORTED",
				"%s报告整改情况：%s".formatted(owner.agencyName(), item.item())));
		events.publishEvent(new InboxDelivery(found.inspecting(), null, "RECTIFICATION_REPORTED",
				"【整改报告】%s".formatted(item.item()), "%s报告：%s（%s）".formatted(item.ownerAgencyName(), report.trim(),
						item.inspectionTitle()),
				InspectionRecords.link(item.inspectionId()), "rectification", Long.toString(id)));
		return jdbc.sql(SELECT + " where r.id = ?").param(id).query((rs, n) -> view(rs, names, now)).single();
	}

	private record Found(RectificationView view, String inspecting) {
	}

	static RectificationView view(ResultSet rs, Map<String, String> names, Instant now) throws SQLException {
		String owner = rs.getString("owner_agency");
		Instant due = InspectionRecords.instant(rs, "due_at");
		RectificationView.State state = RectificationView.State.valueOf(rs.getString("state"));
		return new RectificationView(rs.getLong("id"), rs.getLong("inspection_id"), rs.getString("inspection_title"),
				rs.getString("item"), owner, InspectionRecords.name(names, owner), rs.getObject("due_on", LocalDate.class),
				due, state, rs.getString("report"), InspectionRecords.instant(rs, "reported_at"),
				rs.getString("reported_by_name"), state == RectificationView.State.OPEN && due.isBefore(now));
	}

	private static DomainException notFound(long id) {
		return DomainException.notFound("unknown-rectification", "整改事项 %d 不存在".formatted(id));
	}
}
