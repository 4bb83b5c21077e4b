package org.liandong.operations.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.liandong.cases.Cases;
import org.liandong.credit.CreditList;
import org.liandong.operations.JointOperationEvent;
import org.liandong.operations.TargetSource;
import org.liandong.operations.NewTargets;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.liandong.platform.TableFile;
import org.liandong.platform.UnifiedSocialCreditCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organiser names the enterprises to inspect (issue 22), by unified social credit code, each in a
 * division of the operation's area, typed or as a CSV/Excel list. Every row is checked; if any is wrong, none is added and the
 * refusal names each wrong row with its number (第 n 行), as the bulk screening does (R4.3).
 */
@Component
record Targeting(OperationRecords records, Units units, Cases cases, CreditList credit, JdbcClient jdbc,
		ApplicationEventPublisher events) {

	/** As many rows as the typed form takes at once (NewTargets). */
	static final int MAX_ROWS = 500;

	static final int MAX_FILE = 2 * 1024 * 1024;

	/** Rows typed in a form or sent as JSON: numbered from 1 in their order. */
	void add(long id, List<NewTargets.Row> rows, SignedInUser organiser) {
		List<Numbered> numbered = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			numbered.add(new Numbered(i + 1, rows.get(i)));
		}
		add(arranged(id, organiser), numbered, "TYPED");
	}

	/**
	 * The rows of an uploaded list (CSV or Excel): a header naming 统一社会信用代码, 名称 (or 企业名称) and 所在区划
	 * (or 区划代码), each row numbered by its line in the file as the person sees it; blank rows are skipped.
	 */
	void addFile(long id, String fileName, byte[] content, SignedInUser organiser) {
		// who may add comes first: another bureau learns nothing of the operation from its file's refusal (X2)
		JointOperation operation = arranged(id, organiser);
		if (content == null || content.length == 0) {
			throw DomainException.invalid("empty-file", "请选择检查对象名单文件（文件不能为空）");
		}
		if (content.length > MAX_FILE) {
			throw DomainException.invalid("file-too-large", "检查对象名单文件不能超过 2 MB");
		}
		TableFile table = TableFile.read(fileName, content);
		int code = table.column("统一社会信用代码");
		int name = table.column("名称", "企业名称");
		int division = table.column("所在区划", "区划代码", "行政区划代码");
		if (code < 0 || name < 0 || division < 0) {
			throw DomainException.invalid("wrong-columns", "第 1 行应为表头，含“统一社会信用代码”“名称”“所在区划”三列（区划填代码，如 410402）；"
					+ "文件的表头是：" + table.headerShown());
		}
		List<Numbered> rows = new ArrayList<>();
		for (int line = 2; line <= table.size(); line++) {
			NewTargets.Row row = new NewTargets.Row(table.cell(line, code), table.cell(line, name), table.cell(line, division));
			if (!(row.uscc().isEmpty() && row.name().isEmpty() && row.divisionCode().isEmpty())) {
				rows.add(new Numbered(line, row));
			}
		}
		if (rows.isEmpty()) {
			throw DomainException.invalid("empty-file", "名单中除表头外没有检查对象");
		}
		if (rows.size() > MAX_ROWS) {
			throw DomainException.invalid("too-many-targets", "一次最多添加 %d 个检查对象，名单有 %d 个，请拆分后分批上传"
				.formatted(MAX_ROWS, rows.size()));
		}
		add(operation, rows, "FILE");
	}

	/**
	 * The enterprises of a source in the operation's area that are not targets yet (issue 22): the parties of
	 * the open cases the organiser may see (X2), or those on the public dishonest list registered there. A
	 * source row whose division lies outside the area is left out, not refused; what is already a target is
	 * not taken twice. Answers how many were added.
	 */
	int addFrom(long id, TargetSource source, SignedInUser organiser) {
		if (source == null) {
			throw DomainException.invalid("target-source-missing", "请选择导入来源：案件登记或失信名单");
		}
		JointOperation operation = arranged(id, organiser);
		List<String> area = jdbc.sql("select division_code from joint_operation_division where operation_id = ?")
			.param(id).query(String.class).list();
		Set<String> taken = new HashSet<>(jdbc.sql("select uscc from joint_operation_target where operation_id = ?")
			.param(id).query(String.class).list());
		// every division of the area and below it, as the register records a case's division
		List<String> divisions = units.divisionsWithin(area);
		java.util.Map<String, NewTargets.Row> found = new java.util.LinkedHashMap<>();
		if (source == TargetSource.CASES) {
			cases.openEnterpriseCases(divisions, organiser, MAX_ROWS * 2).forEach(c -> found.putIfAbsent(c.partyUscc(),
					new NewTargets.Row(c.partyUscc(), c.partyName(), c.divisionCode())));
		}
		else {
			credit.publishedRegisteredIn(area, MAX_ROWS * 2).forEach(e -> {
				String registered = e.subjectUscc().substring(2, 8);
				if (divisions.contains(registered)) {
					found.putIfAbsent(e.subjectUscc(), new NewTargets.Row(e.subjectUscc(), e.subjectName(), registered));
				}
			});
		}
		taken.forEach(found::remove);
		if (found.isEmpty()) {
			throw DomainException.invalid("nothing-to-import", "行动区域内没有可导入的%s（已在检查对象中的不重复导入）"
				.formatted(source.label()));
		}
		List<Numbered> rows = new ArrayList<>();
		found.values().stream().limit(MAX_ROWS).forEach(row -> rows.add(new Numbered(rows.size() + 1, row)));
		add(operation, rows, source == TargetSource.CASES ? "CASES" : "CREDIT");
		return rows.size();
	}

	/** The operation, locked for the change, once the person is known to be its organiser. */
	private JointOperation arranged(long id, SignedInUser organiser) {
		JointOperation operation = records.lock(id, organiser, "添加检查对象");
		operation.requireOrganiser(organiser, "添加检查对象");
		return operation;
	}

	private void add(JointOperation operation, List<Numbered> rows, String source) {
		long id = operation.id();
		List<String> area = jdbc.sql("select division_code from joint_operation_division where operation_id = ?")
			.param(id).query(String.class).list();
		Set<String> taken = new HashSet<>(jdbc.sql("select uscc from joint_operation_target where operation_id = ?")
			.param(id).query(String.class).list());
		List<String> problems = new ArrayList<>();
		List<NewTargets.Row> accepted = new ArrayList<>();
		for (Numbered numbered : rows) {
			NewTargets.Row row = numbered.row();
			String problem = problem(row, area, taken);
			if (problem != null) {
				problems.add("第 %d 行：%s".formatted(numbered.line(), problem));
			}
			else {
				String code = row.uscc().trim().toUpperCase(Locale.ROOT);
				taken.add(code);
				accepted.add(new NewTargets.Row(code, row.name().trim(), row.divisionCode().trim()));
			}
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid("invalid-targets", "检查对象有 %d 行不能添加，全部未添加。%s"
				.formatted(problems.size(), String.join("；", problems.subList(0, Math.min(problems.size(), 50)))
						+ (problems.size() > 50 ? "；……" : "")));
		}
		accepted.forEach(row -> jdbc.sql("""
				insert into joint_operation_target (operation_id, uscc, name, division_code, source) values (?, ?, ?, ?, ?)""")
			.params(id, row.uscc(), row.name(), row.divisionCode(), source).update());
		events.publishEvent(new JointOperationEvent(id, "OPERATION_TARGETS_ADDED",
				"联合执法行动“%s”添加检查对象 %d 个".formatted(operation.theme(), accepted.size())));
	}

	/** A row with the number the person knows it by. */
	private record Numbered(int line, NewTargets.Row row) {
	}

	private String problem(NewTargets.Row row, List<String> area, Set<String> taken) {
		if (row == null) {
			return "内容为空";
		}
		String code = row.uscc() == null ? "" : row.uscc().trim().toUpperCase(Locale.ROOT);
		String invalid = UnifiedSocialCreditCode.problem(code);
		if (invalid != null) {
			return invalid;
		}
		if (taken.contains(code)) {
			return "统一社会信用代码 %s 重复（已在检查对象中）".formatted(code);
		}
		if (row.name() == null || row.name().isBlank()) {
			return "请填写企业名称";
		}
		if (row.name().trim().length() > 200) {
			return "企业名称不能超过 200 字";
		}
		if (row.divisionCode() == null || row.divisionCode().isBlank()) {
			return "请填写企业所在区划代码";
		}
		String division = row.divisionCode().trim();
		List<String> path = units.path(division);
		if (path.isEmpty()) {
			return "行政区划 %s 不存在".formatted(division);
		}
		if (area.stream().noneMatch(path::contains)) {
			return "企业所在区划 %s 不在本次行动区域内".formatted(division);
		}
		return null;
	}
}
