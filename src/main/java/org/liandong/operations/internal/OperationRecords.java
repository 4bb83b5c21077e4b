package org.liandong.operations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.liandong.operations.JointOperationState;
import org.liandong.operations.JointOperationSummary;
import org.liandong.operations.JointOperationView;
import org.liandong.platform.DomainException;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads every use case of operations shares: an operation as its rules see it, its visibility
 * (its units and the city level of its city, X2: others are told it does not exist), its full view
 * and the list.
 */
@Component
record OperationRecords(JdbcClient jdbc, Units units) {

	/** The operation for a reader who may see it; not found for anyone else. */
	JointOperation find(long id, SignedInUser reader) {
		JointOperation operation = load(id);
		if (!operation.hasUnit(reader.agencyCode())
				&& !(units.cityLevel(reader) && units.cityOf(reader.agencyCode()).equals(operation.cityAgencyCode()))) {
			throw notFound(id);
		}
		return operation;
	}

	/**
	 * Locks the operation's row for a change and answers it as locked: changes of one operation happen
	 * one after another, so two teams never take the same target and a concluded one takes no change.
	 */
	JointOperation lock(long id, SignedInUser actor, String action) {
		JointOperation operation = find(id, actor);
		operation.requireOpen(action);
		if (jdbc.sql("update joint_operation set version = version + 1 where id = ? and state = 'OPEN'").param(id)
			.update() == 0) {
			throw DomainException.conflict("operation-concluded", "联合执法行动刚刚已结束，不能再%s".formatted(action));
		}
		return load(id);
	}

	JointOperation load(long id) {
		return jdbc.sql("select * from joint_operation where id = ?").param(id)
			.query((rs, n) -> new JointOperation(rs.getLong("id"), rs.getString("city_agency"),
					rs.getString("organiser_agency"), rs.getString("lead_agency"), rs.getString("theme"),
					rs.getObject("starts_on", java.time.LocalDate.class), rs.getObject("ends_on", java.time.LocalDate.class),
					JointOperationState.valueOf(rs.getString("state")), rs.getLong("version"), unitRows(id)))
			.optional()
			.orElseThrow(() -> notFound(id));
	}

	private List<JointOperation.UnitRow> unitRows(long id) {
		return jdbc.sql("""
				select agency_code, role, people, confirmed_at from joint_operation_unit where operation_id = ?
				order by line_no""")
			.param(id)
			.query((rs, n) -> new JointOperation.UnitRow(rs.getString("agency_code"), rs.getString("role"),
					names(rs.getString("people")), rs.getObject("confirmed_at") != null))
			.list();
	}

	JointOperationView view(long id) {
		Map<String, String> names = units.names();
		Map<String, String> divisions = units.divisionNames();
		JointOperation operation = load(id);
		List<String> unitCodes = operation.units().stream().map(JointOperation.UnitRow::agencyCode).toList();
		List<JointOperationView.Unit> unitViews = jdbc.sql("""
				select * from joint_operation_unit where operation_id = ?
				order by line_no""")
			.param(id)
			.query((rs, n) -> new JointOperationView.Unit(rs.getString("agency_code"),
					name(names, rs.getString("agency_code")), rs.getString("role"),
					rs.getString("agency_code").equals(operation.leadAgencyCode()), names(rs.getString("people")),
					instant(rs, "confirmed_at"), rs.getString("confirmed_by_name")))
			.list();
		List<JointOperationView.Division> area = jdbc.sql("""
				select division_code from joint_operation_division where operation_id = ? order by division_code""")
			.param(id)
			.query((rs, n) -> new JointOperationView.Division(rs.getString(1),
					divisions.getOrDefault(rs.getString(1), rs.getString(1))))
			.list();
		List<JointOperationView.Target> targets = jdbc.sql("""
				select t.*, m.name as team_name, r.id as record_id from joint_operation_target t
				left join joint_operation_team m on m.id = t.team_id
				left join joint_inspection_record r on r.target_id = t.id
				where t.operation_id = ? order by t.id""")
			.param(id)
			.query((rs, n) -> new JointOperationView.Target(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"),
					rs.getString("division_code"), divisions.getOrDefault(rs.getString("division_code"),
							rs.getString("division_code")),
					rs.getString("source"), rs.getObject("team_id", Long.class), rs.getString("team_name"),
					rs.getObject("record_id", Long.class), !units.covered(rs.getString("division_code"), unitCodes),
					rs.getString("referred_to") == null ? null : name(names, rs.getString("referred_to"))))
			.list();
		List<JointOperationView.Team> teams = jdbc.sql("""
				select m.*, (select count(*) from joint_operation_target t where t.team_id = m.id) as targets,
				    (select count(*) from joint_inspection_record r where r.team_id = m.id) as inspected
				from joint_operation_team m where m.operation_id = ? order by m.id""")
			.param(id)
			.query((rs, n) -> new JointOperationView.Team(rs.getLong("id"), rs.getString("name"),
					rs.getString("lead_agency"), name(names, rs.getString("lead_agency")),
					rs.getObject("inspect_from", java.time.LocalDate.class),
					rs.getObject("inspect_to", java.time.LocalDate.class), members(rs.getLong("id"), names),
					rs.getInt("targets"), rs.getInt("inspected")))
			.list();
		return jdbc.sql("select * from joint_operation where id = ?").param(id)
			.query((rs, n) -> new JointOperationView(id, rs.getString("theme"), rs.getString("legal_basis"),
					rs.getObject("starts_on", java.time.LocalDate.class), rs.getObject("ends_on", java.time.LocalDate.class),
					operation.state(), operation.state().label(), rs.getString("city_agency"),
					rs.getString("organiser_agency"), name(names, rs.getString("organiser_agency")),
					rs.getString("lead_agency"), name(names, rs.getString("lead_agency")), area, unitViews, targets, teams,
					rs.getObject("summary_document_id", Long.class), rs.getString("summary_number"),
					rs.getString("created_by_name"), instant(rs, "created_at"), rs.getLong("version")))
			.single();
	}

	List<JointOperationView.Member> members(long teamId, Map<String, String> names) {
		return jdbc.sql("select agency_code, person_name from joint_operation_team_member where team_id = ? order by line_no")
			.param(teamId)
			.query((rs, n) -> new JointOperationView.Member(rs.getString(1), name(names, rs.getString(1)),
					rs.getString(2)))
			.list();
	}

	Page<JointOperationSummary> list(SignedInUser reader, Pageable pageable) {
		boolean city = units.cityLevel(reader);
		Map<String, String> names = units.names();
		return new PagedQuery("o.*", "joint_operation o",
				Map.of("startsOn", "o.starts_on", "createdAt", "o.created_at"), "o.starts_on desc, o.id desc")
			.whereIf(city, "o.city_agency = ?", city ? units.cityOf(reader.agencyCode()) : null)
			.whereIf(!city, "exists (select 1 from joint_operation_unit u where u.operation_id = o.id and u.agency_code = ?)",
					reader.agencyCode())
			.fetch(jdbc, pageable, (rs, n) -> summary(rs, names));
	}

	private JointOperationSummary summary(ResultSet rs, Map<String, String> names) throws SQLException {
		long id = rs.getLong("id");
		JointOperationState state = JointOperationState.valueOf(rs.getString("state"));
		int unitCount = jdbc.sql("select count(*) from joint_operation_unit where operation_id = ?").param(id)
			.query(Integer.class).single();
		int targets = jdbc.sql("select count(*) from joint_operation_target where operation_id = ?").param(id)
			.query(Integer.class).single();
		int inspected = jdbc.sql("select count(*) from joint_inspection_record where operation_id = ?").param(id)
			.query(Integer.class).single();
		return new JointOperationSummary(id, rs.getString("theme"), rs.getObject("starts_on", java.time.LocalDate.class),
				rs.getObject("ends_on", java.time.LocalDate.class), state, state.label(),
				rs.getString("organiser_agency"), name(names, rs.getString("organiser_agency")),
				name(names, rs.getString("lead_agency")), unitCount, targets, inspected);
	}

	static String name(Map<String, String> names, String code) {
		return names.getOrDefault(code, code);
	}

	/** Names kept joined by 、 */
	static List<String> names(String joined) {
		return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split("、"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	static DomainException notFound(long id) {
		return DomainException.notFound("unknown-operation", "联合执法行动 %d 不存在".formatted(id));
	}
}
