package org.liandong.operations.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.liandong.agency.AgencySummary;
import org.liandong.inbox.InboxDelivery;
import org.liandong.operations.JointOperationEvent;
import org.liandong.operations.NewJointOperation;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Organising an operation (issue 22, X2): the city's detachment or legal office, or a county bureau's
 * enforcer, names the theme, legal basis, period, area, the other units and the lead. Each participant
 * is told and owes its confirmation before the start; the organiser owes the summary after the end.
 */
@Component
record Organising(JdbcClient jdbc, Units units, ApplicationEventPublisher events, Clock clock) {

	long organise(NewJointOperation n, SignedInUser organiser) {
		AgencySummary from = units.requireOrganiser(organiser);
		String city = from.cityCode();
		if (n.endsOn().isBefore(n.startsOn())) {
			throw DomainException.invalid("period-reversed", "行动结束日期不能早于开始日期");
		}
		if (ChronoUnit.DAYS.between(n.startsOn(), n.endsOn()) > 366) {
			throw DomainException.invalid("period-too-long", "一次联合执法行动不能超过一年");
		}
		String cityDivision = units.agency(city).divisionCode();
		Set<String> area = new LinkedHashSet<>();
		n.divisionCodes().forEach(code -> area.add(units.divisionOfCity(code, cityDivision).code()));
		Set<String> participants = new LinkedHashSet<>();
		for (String code : n.participantCodes()) {
			AgencySummary participant = units.participant(code, city);
			if (!participant.code().equals(from.code())) {
				participants.add(participant.code());
			}
		}
		if (participants.isEmpty()) {
			throw DomainException.invalid("no-participants", "联合执法行动至少要有一个组织单位以外的参加单位");
		}
		String lead = n.leadAgencyCode() == null || n.leadAgencyCode().isBlank() ? from.code() : n.leadAgencyCode().trim();
		if (!lead.equals(from.code()) && !participants.contains(lead)) {
			throw DomainException.invalid("lead-not-a-unit", "牵头单位应为组织单位或参加单位之一");
		}
		Instant now = clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into joint_operation (city_agency, organiser_agency, lead_agency, theme, legal_basis, starts_on,
				    ends_on, state, created_at, created_by_name, version)
				values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, 0)""")
			.params(city, from.code(), lead, n.theme().trim(), n.legalBasis().trim(), n.startsOn(), n.endsOn(),
					ChineseTime.utc(now), organiser.describe())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		area.forEach(code -> jdbc.sql("insert into joint_operation_division (operation_id, division_code) values (?, ?)")
			.params(id, code).update());
		jdbc.sql("insert into joint_operation_unit (operation_id, agency_code, line_no, role) values (?, ?, 0, 'ORGANISER')")
			.params(id, from.code()).update();
		int line = 0;
		String theme = n.theme().trim();
		String period = "%s至%s".formatted(n.startsOn(), n.endsOn());
		for (String participant : participants) {
			jdbc.sql("insert into joint_operation_unit (operation_id, agency_code, line_no, role) values (?, ?, ?, 'PARTICIPANT')")
				.params(id, participant, ++line).update();
			events.publishEvent(OperationObligation.CONFIRM.due(id, theme, participant,
					OperationObligation.startOf(n.startsOn()), id));
			events.publishEvent(new InboxDelivery(participant, null, "JOINT_OPERATION",
					"【联合执法】%s邀请本单位参加“%s”".formatted(from.shortName(), theme),
					"行动时间 %s。请在行动开始前确认参加并填报本单位参加人员。执法依据：%s".formatted(period, n.legalBasis().trim()),
					"/joint-operations/" + id, "joint-operation", id + ":" + participant));
		}
		events.publishEvent(OperationObligation.SUMMARISE.due(id, theme, from.code(),
				OperationObligation.endOf(n.endsOn().plusDays(OperationObligation.SUMMARY_DAYS)), id));
		List<String> names = participants.stream().map(code -> units.agency(code).shortName()).toList();
		events.publishEvent(new JointOperationEvent(id, "OPERATION_ORGANISED", "组织联合执法行动“%s”（%s），参加单位：%s"
			.formatted(theme, period, String.join("、", names))));
		return id;
	}
}
