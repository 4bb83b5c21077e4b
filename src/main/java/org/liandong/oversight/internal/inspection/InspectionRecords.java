package org.liandong.oversight.internal.inspection;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.liandong.agency.AgencySummary;
import org.liandong.inbox.InboxDelivery;
import org.liandong.oversight.InspectionEvent;
import org.liandong.oversight.InspectionKind;
import org.liandong.oversight.InspectionScore;
import org.liandong.oversight.InspectionSummary;
import org.liandong.oversight.InspectionView;
import org.liandong.oversight.NewInspection;
import org.liandong.oversight.RectificationView;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.ObligationDue;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Inspections as recorded, of either kind (R8.1, R2.6): the checklist and its sums, the findings,
 * and the rectification items, each published as an obligation of the inspected bureau. Runs in
 * the caller's transaction, so an inspection is stored whole or not at all.
 */
@Component
record InspectionRecords(JdbcClient jdbc, Jurisdiction jurisdiction, ApplicationEventPublisher events, Clock clock) {

	static final String OBLIGATION = "完成整改";

	static final String SUBJECT_TYPE = "rectification";

	/** Who inspected whom, in which campaign if any, and under which title. */
	record Subject(InspectionKind kind, Long campaignId, String city, String inspecting, AgencySummary inspected,
			String title) {
	}

	long record(Subject subject, NewInspection input, SignedInUser recorder) {
		checkRules(input);
		Instant now = clock.instant();
		BigDecimal total = input.checklist().stream().map(NewInspection.CheckItem::score)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal max = input.checklist().stream().map(NewInspection.CheckItem::maxScore)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		List<String> inspectors = input.inspectors().stream().map(String::trim).distinct().toList();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into inspection (kind, campaign_id, city_agency, inspecting_agency, inspected_agency, title,
				    inspected_on, inspectors, findings, total_score, max_score, recorded_at, recorded_by_name)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(subject.kind().name(), subject.campaignId(), subject.city(), subject.inspecting(),
					subject.inspected().code(), subject.title(), input.inspectedOn(), String.join("、", inspectors),
					input.findings().trim(), total, max, ChineseTime.utc(now), recorder.describe())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		for (int i = 0; i < input.checklist().size(); i++) {
			NewInspection.CheckItem item = input.checklist().get(i);
			jdbc.sql("insert into inspection_check_item (inspection_id, line_no, name, max_score, score) values (?, ?, ?, ?, ?)")
				.params(id, i + 1, item.name().trim(), item.maxScore(), item.score())
				.update();
		}
		List<NewInspection.Rectification> rectifications = input.rectifications() == null ? List.of()
				: input.rectifications();
		rectifications.forEach(r -> demand(id, subject, r));
		tell(id, subject, total, max, rectifications);
		events.publishEvent(new InspectionEvent("inspection", id, "INSPECTION_RECORDED",
				"%s%s：%s，得分 %s/%s，整改事项 %d 项".formatted(subject.kind().label(), subject.title(),
						subject.inspected().name(), total.toPlainString(), max.toPlainString(),
						rectifications.size())));
		return id;
	}

	/** The rules of the input that no single field shows: days that cannot be, scores above their item's points. */
	private void checkRules(NewInspection input) {
		LocalDate today = clock.instant().atZone(ChineseTime.ZONE).toLocalDate();
		if (input.inspectedOn().isAfter(today)) {
			throw DomainException.invalid("inspection-in-future", "检查日期不能晚于今天");
		}
		for (NewInspection.CheckItem item : input.checklist()) {
			if (item.score().compareTo(item.maxScore()) > 0) {
				throw DomainException.invalid("score-above-maximum", "“%s”的得分 %s 超过了该项分值 %s".formatted(
						item.name().trim(), item.score().toPlainString(), item.maxScore().toPlainString()));
			}
		}
		if (input.rectifications() != null && input.rectifications().stream().anyMatch(r -> r.dueOn().isBefore(today))) {
			throw DomainException.invalid("rectification-due-in-past", "整改期限不能早于今天");
		}
	}

	/** A rectification item owed by the inspected bureau until 24:00 of its day: an obligation of the ledger. */
	private void demand(long inspectionId, Subject subject, NewInspection.Rectification r) {
		Instant due = endOf(r.dueOn());
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into rectification (inspection_id, item, owner_agency, due_on, due_at, state)
				values (?, ?, ?, ?, ?, 'OPEN')""")
			.params(inspectionId, r.item().trim(), subject.inspected().code(), r.dueOn(), ChineseTime.utc(due))
			.update(key, "id");
		events.publishEvent(new ObligationDue(SUBJECT_TYPE, key.getKeyAs(Long.class), subject.title(), OBLIGATION,
				subject.inspected().code(), due, link(inspectionId)));
	}

	private void tell(long id, Subject subject, BigDecimal total, BigDecimal max,
			List<NewInspection.Rectification> rectifications) {
		String owed = rectifications.isEmpty() ? "本次检查未提出整改事项。"
				: "请于期限内完成以下 %d 项整改并在系统中报告：%s".formatted(rectifications.size(),
						String.join("；", rectifications.stream()
							.map(r -> "%s（%s 前）".formatted(r.item().trim(), ChineseTime.format(endOf(r.dueOn()))))
							.toList()));
		events.publishEvent(new InboxDelivery(subject.inspected().code(), null, "INSPECTION_RECORDED",
				"【%s】%s".formatted(subject.kind().label(), subject.title()),
				"得分 %s（满分 %s）。%s".formatted(total.toPlainString(), max.toPlainString(), owed), link(id),
				"inspection", Long.toString(id)));
	}

	InspectionView find(long id, SignedInUser reader) {
		Map<String, String> names = jurisdiction.names();
		InspectionView found = jdbc.sql("select * from inspection where id = ?").param(id)
			.query((rs, n) -> inspection(rs, names)).optional()
			.orElseThrow(() -> notFound(id));
		if (!jurisdiction.oversees(reader, found.cityAgencyCode())
				&& !reader.agencyCode().equals(found.inspectedAgencyCode())
				&& !reader.agencyCode().equals(found.inspectingAgencyCode())) {
			throw notFound(id);
		}
		return found;
	}

	Page<InspectionSummary> list(InspectionKind kind, SignedInUser reader, Pageable pageable) {
		boolean city = jurisdiction.cityLevel(reader);
		Map<String, String> names = jurisdiction.names();
		return new PagedQuery("""
				i.id, i.kind, i.title, i.inspecting_agency, i.inspected_agency, i.inspected_on, i.total_score, i.max_score,
				(select count(*) from rectification r where r.inspection_id = i.id) as rectifications,
				(select count(*) from rectification r where r.inspection_id = i.id and r.state = 'OPEN') as open_rectifications""",
				"inspection i", Map.of("inspectedOn", "i.inspected_on", "score", "i.total_score"),
				"i.inspected_on desc, i.id desc")
			.whereIf(city, "i.city_agency = ?", city ? jurisdiction.cityOf(reader.agencyCode()) : null)
			.whereIf(!city, "(i.inspected_agency = ? or i.inspecting_agency = ?)", reader.agencyCode(),
					reader.agencyCode())
			.where("i.kind = ?", kind == null ? null : kind.name())
			.fetch(jdbc, pageable, (rs, n) -> new InspectionSummary(rs.getLong("id"),
					InspectionKind.valueOf(rs.getString("kind")), rs.getString("title"),
					name(names, rs.getString("inspecting_agency")), rs.getString("inspected_agency"),
					name(names, rs.getString("inspected_agency")), rs.getObject("inspected_on", LocalDate.class),
					points(rs.getBigDecimal("total_score")), points(rs.getBigDecimal("max_score")), rs.getInt("rectifications"),
					rs.getInt("open_rectifications")));
	}

	List<InspectionScore> scores(String city, int year) {
		return jdbc.sql("""
				select id, inspected_agency, kind, inspected_on, total_score, max_score from inspection
				where city_agency = ? and inspected_on >= ? and inspected_on < ?
				order by inspected_on, id""")
			.params(city, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> new InspectionScore(rs.getLong("id"), rs.getString("inspected_agency"),
					InspectionKind.valueOf(rs.getString("kind")), rs.getObject("inspected_on", LocalDate.class),
					points(rs.getBigDecimal("total_score")), points(rs.getBigDecimal("max_score"))))
			.list();
	}

	private InspectionView inspection(ResultSet rs, Map<String, String> names) throws SQLException {
		long id = rs.getLong("id");
		List<InspectionView.Item> checklist = jdbc.sql("""
				select name, max_score, score from inspection_check_item where inspection_id = ? order by line_no""")
			.param(id)
			.query((c, n) -> new InspectionView.Item(c.getString("name"), points(c.getBigDecimal("max_score")),
					points(c.getBigDecimal("score"))))
			.list();
		List<RectificationView> rectifications = jdbc.sql(Rectifications.SELECT + " where r.inspection_id = ? order by r.id")
			.param(id)
			.query((r, n) -> Rectifications.view(r, names, clock.instant()))
			.list();
		String inspecting = rs.getString("inspecting_agency");
		String inspected = rs.getString("inspected_agency");
		return new InspectionView(id, InspectionKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getObject("campaign_id", Long.class), rs.getString("city_agency"), inspecting, name(names, inspecting),
				inspected, name(names, inspected), rs.getObject("inspected_on", LocalDate.class),
				Arrays.asList(rs.getString("inspectors").split("、")), checklist, points(rs.getBigDecimal("total_score")),
				points(rs.getBigDecimal("max_score")), rs.getString("findings"), instant(rs, "recorded_at"),
				rs.getString("recorded_by_name"), rectifications);
	}

	/** A deadline "by that day" ends at 24:00 of it, Beijing time: the next day's first instant. */
	static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(ChineseTime.ZONE).toInstant();
	}

	/** Points as people write them: 30, 26.5 (the column keeps one decimal for every value). */
	static BigDecimal points(BigDecimal stored) {
		return stored.stripTrailingZeros().scale() <= 0 ? stored.setScale(0) : stored;
	}

	static String link(long inspectionId) {
		return "/oversight/inspections/" + inspectionId;
	}

	static String name(Map<String, String> names, String code) {
		return names.getOrDefault(code, code);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static DomainException notFound(long id) {
		return DomainException.notFound("unknown-inspection", "检查记录 %d 不存在".formatted(id));
	}
}
