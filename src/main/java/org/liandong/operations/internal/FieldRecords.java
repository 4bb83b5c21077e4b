package org.liandong.operations.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.liandong.operations.HazardLevel;
import org.liandong.operations.HazardView;
import org.liandong.operations.InspectionRecordView;
import org.liandong.operations.ItemOutcome;
import org.liandong.operations.JointOperationEvent;
import org.liandong.operations.NewInspectionRecord;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The inspection record of a target, written in the field (issue 22): the people of the target's
 * team record it once, within the operation's period, signed by at least two of the team's inspectors
 * (an inspection is done by no fewer than two enforcement officers); a checklist item found wanting
 * needs a hazard described. When the last target of a team is recorded, the team's obligation is met.
 */
@Component
record FieldRecords(OperationRecords records, Photos photos, JdbcClient jdbc, ApplicationEventPublisher events,
		Clock clock) {

	long record(long id, long targetId, NewInspectionRecord input, SignedInUser inspector) {
		JointOperation operation = records.lock(id, inspector, "填写检查记录");
		Target target = target(id, targetId);
		if (target.teamId() == null) {
			throw DomainException.conflict("target-without-team", "检查对象“%s”尚未分给检查组".formatted(target.name()));
		}
		List<Member> members = members(target.teamId());
		if (members.stream().noneMatch(m -> m.agencyCode().equals(inspector.agencyCode()))) {
			throw DomainException.forbidden("not-of-the-team", "只有负责该对象的检查组的单位人员可以填写检查记录");
		}
		if (jdbc.sql("select count(*) from joint_inspection_record where target_id = ?").param(targetId)
			.query(Integer.class).single() > 0) {
			throw DomainException.conflict("target-inspected", "检查对象“%s”已有检查记录".formatted(target.name()));
		}
		Instant now = clock.instant();
		LocalDate day = input.inspectedAt().atZone(ChineseTime.ZONE).toLocalDate();
		if (input.inspectedAt().isAfter(now.plusSeconds(300))) {
			throw DomainException.invalid("inspected-in-future", "检查时间不能晚于现在");
		}
		if (!operation.within(day)) {
			throw DomainException.invalid("inspected-outside-period",
					"检查时间应在行动期间（%s至%s）内".formatted(operation.startsOn(), operation.endsOn()));
		}
		Set<String> signatures = new LinkedHashSet<>();
		input.signatures().forEach(name -> signatures.add(name.trim()));
		for (String name : signatures) {
			if (members.stream().noneMatch(m -> m.name().equals(name))) {
				throw DomainException.invalid("signer-not-in-team", "签名人“%s”不是该检查组的成员".formatted(name));
			}
		}
		if (signatures.size() < 2) {
			throw DomainException.invalid("too-few-signatures", "现场检查应由两名以上检查人员签名");
		}
		List<NewInspectionRecord.Hazard> hazards = input.hazards() == null ? List.of() : input.hazards();
		boolean wanting = input.items().stream().anyMatch(i -> i.outcome() == ItemOutcome.HAZARD);
		if (wanting && hazards.isEmpty()) {
			throw DomainException.invalid("hazard-not-described", "检查项目中有“存在隐患”的，请逐项描述发现的隐患");
		}
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into joint_inspection_record (operation_id, target_id, team_id, inspected_at, present_persons,
				    measures, signatures, recorded_at, recorded_by_agency, recorded_by_name)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, targetId, target.teamId(), ChineseTime.utc(input.inspectedAt()), input.presentPersons().trim(),
					input.measures().trim(), String.join("、", signatures), ChineseTime.utc(now),
					inspector.agencyCode(), inspector.describe())
			.update(key, "id");
		long recordId = key.getKeyAs(Long.class);
		for (int i = 0; i < input.items().size(); i++) {
			NewInspectionRecord.Item item = input.items().get(i);
			jdbc.sql("insert into joint_inspection_item (record_id, line_no, item, outcome, note) values (?, ?, ?, ?, ?)")
				.params(recordId, i + 1, item.item().trim(), item.outcome().name(),
						item.note() == null || item.note().isBlank() ? null : item.note().trim())
				.update();
		}
		for (NewInspectionRecord.Hazard hazard : hazards) {
			jdbc.sql("""
					insert into joint_hazard (operation_id, record_id, description, hazard_level, location, found_by_agency)
					values (?, ?, ?, ?, ?, ?)""")
				.params(id, recordId, hazard.description().trim(), hazard.level().name(), hazard.location().trim(),
						inspector.agencyCode())
				.update();
		}
		settleTeamIfDone(target.teamId(), now);
		events.publishEvent(new JointOperationEvent(id, "OPERATION_TARGET_INSPECTED",
				"联合执法行动“%s”检查“%s”（%s），发现隐患 %d 项".formatted(operation.theme(), target.name(), target.uscc(),
						hazards.size())));
		return recordId;
	}

	private void settleTeamIfDone(long teamId, Instant now) {
		int left = jdbc.sql("""
				select count(*) from joint_operation_target t
				where t.team_id = ? and not exists (select 1 from joint_inspection_record r where r.target_id = t.id)""")
			.param(teamId).query(Integer.class).single();
		if (left == 0) {
			String lead = jdbc.sql("select lead_agency from joint_operation_team where id = ?").param(teamId)
				.query(String.class).single();
			events.publishEvent(OperationObligation.INSPECT.settled(teamId, lead, now, true));
		}
	}

	InspectionRecordView find(long id, long targetId, SignedInUser reader) {
		records.find(id, reader);
		Target target = target(id, targetId);
		Long recordId = jdbc.sql("select id from joint_inspection_record where target_id = ?").param(targetId)
			.query(Long.class).optional()
			.orElseThrow(() -> DomainException.notFound("no-inspection-record",
					"检查对象“%s”尚无检查记录".formatted(target.name())));
		return view(recordId);
	}

	InspectionRecordView view(long recordId) {
		List<InspectionRecordView.Item> items = jdbc.sql("""
				select item, outcome, note from joint_inspection_item where record_id = ? order by line_no""")
			.param(recordId)
			.query((rs, n) -> {
				ItemOutcome outcome = ItemOutcome.valueOf(rs.getString("outcome"));
				return new InspectionRecordView.Item(rs.getString("item"), outcome, outcome.label(), rs.getString("note"));
			})
			.list();
		List<HazardView> hazards = jdbc.sql("select * from joint_hazard where record_id = ? order by id").param(recordId)
			.query((rs, n) -> {
				HazardLevel level = HazardLevel.valueOf(rs.getString("hazard_level"));
				long hazardId = rs.getLong("id");
				return new HazardView(hazardId, rs.getString("description"), level, level.label(),
						rs.getString("location"), rs.getString("found_by_agency"), rs.getObject("case_id", Long.class),
						rs.getString("case_number"), photos.of(hazardId));
			})
			.list();
		return jdbc.sql("""
				select r.*, t.name as target_name, t.uscc, m.name as team_name from joint_inspection_record r
				join joint_operation_target t on t.id = r.target_id join joint_operation_team m on m.id = r.team_id
				where r.id = ?""")
			.param(recordId)
			.query((rs, n) -> new InspectionRecordView(recordId, rs.getLong("operation_id"), rs.getLong("target_id"),
					rs.getString("target_name"), rs.getString("uscc"), rs.getLong("team_id"), rs.getString("team_name"),
					OperationRecords.instant(rs, "inspected_at"), rs.getString("present_persons"), items, hazards,
					rs.getString("measures"), OperationRecords.names(rs.getString("signatures")),
					rs.getString("recorded_by_agency"), rs.getString("recorded_by_name"),
					OperationRecords.instant(rs, "recorded_at")))
			.single();
	}

	HazardView hazard(long hazardId) {
		return jdbc.sql("select * from joint_hazard where id = ?").param(hazardId)
			.query((rs, n) -> {
				HazardLevel level = HazardLevel.valueOf(rs.getString("hazard_level"));
				return new HazardView(hazardId, rs.getString("description"), level, level.label(),
						rs.getString("location"), rs.getString("found_by_agency"), rs.getObject("case_id", Long.class),
						rs.getString("case_number"), photos.of(hazardId));
			})
			.single();
	}

	Target target(long id, long targetId) {
		return jdbc.sql("select * from joint_operation_target where id = ? and operation_id = ?").params(targetId, id)
			.query((rs, n) -> new Target(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"),
					rs.getString("division_code"), rs.getObject("team_id", Long.class)))
			.optional()
			.orElseThrow(() -> DomainException.notFound("unknown-target", "检查对象 %d 不存在".formatted(targetId)));
	}

	List<Member> members(long teamId) {
		return jdbc.sql("select agency_code, person_name from joint_operation_team_member where team_id = ?")
			.param(teamId).query((rs, n) -> new Member(rs.getString(1), rs.getString(2))).list();
	}

	record Target(long id, String uscc, String name, String divisionCode, Long teamId) {
	}

	record Member(String agencyCode, String name) {
	}
}
