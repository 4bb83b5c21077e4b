package org.liandong.oversight.internal.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.liandong.agency.AgencySummary;
import org.liandong.inbox.InboxDelivery;
import org.liandong.oversight.InspectionCampaign;
import org.liandong.oversight.InspectionEvent;
import org.liandong.oversight.InspectionKind;
import org.liandong.oversight.NewInspection;
import org.liandong.oversight.NewInspectionCampaign;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SeededDraw;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Mutual inspection campaigns (R2.6): planned by the city bureau with the system's proposal of who
 * inspects whom ({@link MutualAssignment}), proposed again while unconfirmed, confirmed once, then
 * carried out by each inspecting bureau recording its inspection. County bureaus see a campaign
 * they take part in from its confirmation on.
 */
@Component
record Campaigns(JdbcClient jdbc, Jurisdiction jurisdiction, InspectionRecords inspections,
		ApplicationEventPublisher events, Clock clock) {

	static final String TWO_BUREAUS = "只有两个单位参加，两个单位只能相互检查；三个及以上单位参加时，不会出现两个单位相互检查。";

	long create(NewInspectionCampaign n, SignedInUser planner) {
		jurisdiction.requireInspector(planner);
		String city = jurisdiction.cityOf(planner.agencyCode());
		List<String> bureaus = n.bureauCodes() == null ? List.of()
				: n.bureauCodes().stream().filter(code -> code != null && !code.isBlank()).map(String::trim).distinct()
					.map(code -> jurisdiction.countyBureau(code, city).code())
					.toList();
		SeededDraw draw = new SeededDraw(SeededDraw.newSeed());
		Map<String, String> assignment = MutualAssignment.propose(pool(bureaus), draw);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into inspection_campaign (city_agency, title, campaign_year, period, state, created_at,
				    created_by_name, version, draw_seed)
				values (?, ?, ?, ?, 'PROPOSED', ?, ?, 0, ?)""")
			.params(city, n.title().trim(), n.year(), n.period().trim(), ChineseTime.utc(clock.instant()),
					planner.describe(), draw.seed())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		store(id, assignment);
		events.publishEvent(new InspectionEvent("inspection-campaign", id, "CAMPAIGN_CREATED",
				"组织互查《%s》（%d年%s），%d 个单位参加，随机种子 %s".formatted(n.title().trim(), n.year(), n.period().trim(),
						bureaus.size(), draw.seed())));
		return id;
	}

	void proposeAgain(long id, SignedInUser planner) {
		jurisdiction.requireInspector(planner);
		InspectionCampaign campaign = find(id, planner);
		requireProposed(campaign, "重新生成互查方案");
		Map<String, String> previous = assignment(campaign);
		// another seed until the assignment differs (from three bureaus on one does): the seed kept is the one used
		List<String> pool = pool(previous.keySet());
		SeededDraw draw = new SeededDraw(SeededDraw.newSeed());
		Map<String, String> proposal = MutualAssignment.propose(pool, draw);
		for (int i = 1; i < 20 && pool.size() > 2 && proposal.equals(previous); i++) {
			draw = new SeededDraw(SeededDraw.newSeed());
			proposal = MutualAssignment.propose(pool, draw);
		}
		if (jdbc.sql("update inspection_campaign set version = version + 1 where id = ? and state = 'PROPOSED' and version = ?")
			.params(id, campaign.version()).update() == 0) {
			throw DomainException.conflict("campaign-changed", "互查方案刚刚已被他人确认或重新生成，请刷新后再操作");
		}
		jdbc.sql("delete from inspection_assignment where campaign_id = ?").param(id).update();
		jdbc.sql("update inspection_campaign set draw_seed = ? where id = ?").params(draw.seed(), id).update();
		store(id, proposal);
		events.publishEvent(new InspectionEvent("inspection-campaign", id, "CAMPAIGN_PROPOSED",
				"重新生成互查方案（随机种子 %s）：%s".formatted(draw.seed(), describe(proposal))));
	}

	void confirm(long id, Long version, SignedInUser planner) {
		jurisdiction.requireInspector(planner);
		InspectionCampaign campaign = find(id, planner);
		requireProposed(campaign, "确认");
		long seen = version == null ? campaign.version() : version;
		Instant now = clock.instant();
		if (jdbc.sql("""
				update inspection_campaign set state = 'CONFIRMED', confirmed_at = ?, confirmed_by_name = ?,
				    version = version + 1
				where id = ? and state = 'PROPOSED' and version = ?""")
			.params(ChineseTime.utc(now), planner.describe(), id, seen).update() == 0) {
			throw DomainException.conflict("campaign-changed", "互查方案已经变更（重新生成或已被确认），请核对最新方案后再确认");
		}
		for (InspectionCampaign.Assignment a : campaign.assignments()) {
			events.publishEvent(new InboxDelivery(a.inspectingAgencyCode(), null, "MUTUAL_INSPECTION_TASK",
					"【互查任务】%s".formatted(campaign.title()),
					"按市局确认的互查方案，本单位负责检查%s（%d年%s）。检查后请在系统中报送检查发现、评分和整改事项。".formatted(
							a.inspectedAgencyName(), campaign.year(), campaign.period()),
					link(id), "inspection-campaign", id + ":" + a.inspectingAgencyCode()));
		}
		events.publishEvent(new InspectionEvent("inspection-campaign", id, "CAMPAIGN_CONFIRMED",
				"确认互查方案《%s》：%s".formatted(campaign.title(), describe(assignment(campaign)))));
	}

	/** The inspecting bureau's inspection of the bureau the confirmed assignment gave it. */
	long recordInspection(long campaignId, NewInspection input, SignedInUser inspector) {
		InspectionCampaign campaign = find(campaignId, inspector);
		InspectionCampaign.Assignment task = campaign.assignments().stream()
			.filter(a -> a.inspectingAgencyCode().equals(inspector.agencyCode()))
			.findFirst()
			.orElseThrow(() -> DomainException.forbidden("not-inspecting-bureau", "只有承担检查任务的单位可以报送互查结果"));
		if (!inspector.hasRole("ENFORCER") && !inspector.hasRole("LEADER")) {
			throw DomainException.forbidden("not-inspector", "互查结果由本单位的执法人员或局领导报送");
		}
		if (task.recorded()) {
			throw DomainException.conflict("mutual-inspection-recorded", "本单位已经报送了该次互查的检查结果");
		}
		String named = input.inspectedAgencyCode();
		if (named != null && !named.isBlank() && !named.trim().equals(task.inspectedAgencyCode())) {
			throw DomainException.invalid("not-assigned", "按互查方案，本单位检查的是%s".formatted(task.inspectedAgencyName()));
		}
		AgencySummary inspected = jurisdiction.agency(task.inspectedAgencyCode());
		AgencySummary inspecting = jurisdiction.agency(task.inspectingAgencyCode());
		String title = "%s（%s检查%s）".formatted(campaign.title(), inspecting.shortName(), inspected.shortName());
		long id = inspections.record(new InspectionRecords.Subject(InspectionKind.MUTUAL, campaignId,
				campaign.cityAgencyCode(), inspecting.code(), inspected, title), input, inspector);
		if (jdbc.sql("""
				update inspection_assignment set inspection_id = ?
				where campaign_id = ? and inspecting_agency = ? and inspection_id is null""")
			.params(id, campaignId, inspector.agencyCode()).update() == 0) {
			throw DomainException.conflict("mutual-inspection-recorded", "本单位刚刚已经报送了该次互查的检查结果");
		}
		return id;
	}

	InspectionCampaign find(long id, SignedInUser reader) {
		Map<String, String> names = jurisdiction.names();
		InspectionCampaign campaign = jdbc.sql("select * from inspection_campaign where id = ?").param(id)
			.query((rs, n) -> campaign(rs, names)).optional()
			.orElseThrow(() -> notFound(id));
		boolean participant = campaign.state() == InspectionCampaign.State.CONFIRMED && campaign.assignments().stream()
			.anyMatch(a -> a.inspectingAgencyCode().equals(reader.agencyCode()));
		if (!participant && !jurisdiction.oversees(reader, campaign.cityAgencyCode())) {
			throw notFound(id);
		}
		return campaign;
	}

	Page<InspectionCampaign> list(SignedInUser reader, Pageable pageable) {
		boolean city = jurisdiction.cityLevel(reader);
		Map<String, String> names = jurisdiction.names();
		return new PagedQuery("c.*", "inspection_campaign c",
				Map.of("year", "c.campaign_year", "createdAt", "c.created_at"), "c.created_at desc, c.id desc")
			.whereIf(city, "c.city_agency = ?", city ? jurisdiction.cityOf(reader.agencyCode()) : null)
			.whereIf(!city, """
					c.state = 'CONFIRMED' and exists (select 1 from inspection_assignment a
					    where a.campaign_id = c.id and a.inspecting_agency = ?)""", reader.agencyCode())
			.fetch(jdbc, pageable, (rs, n) -> campaign(rs, names));
	}

	private void store(long id, Map<String, String> assignment) {
		assignment.forEach((inspecting, inspected) -> jdbc.sql("""
				insert into inspection_assignment (campaign_id, inspecting_agency, inspected_agency) values (?, ?, ?)""")
			.params(id, inspecting, inspected).update());
	}

	private static void requireProposed(InspectionCampaign campaign, String action) {
		if (campaign.state() != InspectionCampaign.State.PROPOSED) {
			throw DomainException.conflict("campaign-confirmed", "互查方案已经确认，不能再%s".formatted(action));
		}
	}

	private static Map<String, String> assignment(InspectionCampaign campaign) {
		Map<String, String> assignment = new LinkedHashMap<>();
		campaign.assignments().forEach(a -> assignment.put(a.inspectingAgencyCode(), a.inspectedAgencyCode()));
		return assignment;
	}

	private String describe(Map<String, String> assignment) {
		Map<String, String> names = jurisdiction.names();
		return String.join("；", assignment.entrySet().stream()
			.map(e -> "%s检查%s".formatted(InspectionRecords.name(names, e.getKey()),
					InspectionRecords.name(names, e.getValue())))
			.toList());
	}

	private InspectionCampaign campaign(ResultSet rs, Map<String, String> names) throws SQLException {
		long id = rs.getLong("id");
		List<InspectionCampaign.Assignment> assignments = jdbc.sql("""
				select * from inspection_assignment where campaign_id = ? order by inspecting_agency""")
			.param(id)
			.query((a, n) -> new InspectionCampaign.Assignment(a.getString("inspecting_agency"),
					InspectionRecords.name(names, a.getString("inspecting_agency")), a.getString("inspected_agency"),
					InspectionRecords.name(names, a.getString("inspected_agency")),
					a.getObject("inspection_id", Long.class)))
			.list();
		return new InspectionCampaign(id, rs.getString("city_agency"), rs.getString("title"), rs.getInt("campaign_year"),
				rs.getString("period"), InspectionCampaign.State.valueOf(rs.getString("state")),
				rs.getString("created_by_name"), InspectionRecords.instant(rs, "created_at"),
				rs.getString("confirmed_by_name"), InspectionRecords.instant(rs, "confirmed_at"), rs.getLong("version"),
				assignments.size() == 2 ? TWO_BUREAUS : null, chain(assignments), rs.getString("draw_seed"),
				rs.getString("draw_seed") == null ? null : InspectionCampaign.DRAW);
	}

	/** What the assignment is drawn from: the bureaus in ascending code order, published with the seed. */
	private static List<String> pool(java.util.Collection<String> bureaus) {
		return bureaus.stream().sorted().toList();
	}

	/** The assignments in the order of the cycle, each inspected bureau inspecting next: A→B, B→C, C→A. */
	private static List<InspectionCampaign.Assignment> chain(List<InspectionCampaign.Assignment> assignments) {
		Map<String, InspectionCampaign.Assignment> byInspecting = new LinkedHashMap<>();
		assignments.forEach(a -> byInspecting.put(a.inspectingAgencyCode(), a));
		List<InspectionCampaign.Assignment> chain = new ArrayList<>();
		while (!byInspecting.isEmpty()) {
			InspectionCampaign.Assignment next = byInspecting.values().iterator().next();
			while (next != null) {
				chain.add(next);
				byInspecting.remove(next.inspectingAgencyCode());
				next = byInspecting.get(next.inspectedAgencyCode());
			}
		}
		return chain;
	}

	static String link(long campaignId) {
		return "/oversight/inspections/campaigns/" + campaignId;
	}

	private static DomainException notFound(long id) {
		return DomainException.notFound("unknown-campaign", "互查 %d 不存在".formatted(id));
	}
}
