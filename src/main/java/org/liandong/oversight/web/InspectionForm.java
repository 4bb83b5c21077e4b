package org.liandong.oversight.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.liandong.oversight.NewInspection;
import org.liandong.platform.DomainException;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The inspection form as a browser submits it: the inspectors in one line, a fixed number of
 * checklist and rectification rows of which the blank ones are left out. Refusals of the input are
 * put back at the row and field they concern.
 */
public class InspectionForm {

	/** A checklist to start from; the inspectors change it as the inspection needs. */
	private static final Map<String, Integer> STANDARD = orderedMap("案卷质量", 30, "协查请求受理答复", 20, "信息报送与共享", 15,
			"联席会议与议定事项落实", 15, "制度建设与执行", 10, "以往整改落实", 10);

	private static final int CHECK_ROWS = 10;

	private static final int RECTIFICATION_ROWS = 5;

	private static final Pattern ROW = Pattern.compile("^(checklist|rectifications)\\[(\\d+)\\](.*)$");

	/** Refusals of the service that concern one field of the form. */
	private static final Map<String, String> FIELD_OF_CODE = Map.of("inspected-agency-required", "inspectedAgencyCode",
			"unknown-agency", "inspectedAgencyCode", "not-a-county-bureau", "inspectedAgencyCode",
			"inspection-in-future", "inspectedOn");

	private String inspectedAgencyCode;
	private LocalDate inspectedOn;
	private String inspectors;
	private String findings;
	private List<CheckRow> checklist = new ArrayList<>();
	private List<RectificationRow> rectifications = new ArrayList<>();

	/** Which form row each checklist line and rectification of the last {@link #toInput()} came from. */
	private final List<Integer> checkRowOf = new ArrayList<>();
	private final List<Integer> rectificationRowOf = new ArrayList<>();

	static InspectionForm standard(LocalDate today) {
		InspectionForm form = new InspectionForm();
		form.inspectedOn = today;
		STANDARD.forEach((name, points) -> form.checklist.add(new CheckRow(name, BigDecimal.valueOf(points))));
		form.fillRows();
		return form;
	}

	private static Map<String, Integer> orderedMap(Object... namesAndPoints) {
		Map<String, Integer> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndPoints.length; i += 2) {
			map.put((String) namesAndPoints[i], (Integer) namesAndPoints[i + 1]);
		}
		return map;
	}

	/** Blank rows up to the form's size, so that a form shown again still offers room to add. */
	InspectionForm fillRows() {
		while (checklist.size() < CHECK_ROWS) {
			checklist.add(new CheckRow());
		}
		while (rectifications.size() < RECTIFICATION_ROWS) {
			rectifications.add(new RectificationRow());
		}
		return this;
	}

	/** The input the facade takes: names split at 、，, or spaces, blank rows left out. */
	NewInspection toInput() {
		checkRowOf.clear();
		rectificationRowOf.clear();
		List<NewInspection.CheckItem> items = new ArrayList<>();
		for (int i = 0; i < checklist.size(); i++) {
			CheckRow row = checklist.get(i);
			if (row != null && !row.blank()) {
				items.add(new NewInspection.CheckItem(row.name, row.maxScore, row.score));
				checkRowOf.add(i);
			}
		}
		List<NewInspection.Rectification> owed = new ArrayList<>();
		for (int i = 0; i < rectifications.size(); i++) {
			RectificationRow row = rectifications.get(i);
			if (row != null && !row.blank()) {
				owed.add(new NewInspection.Rectification(row.item, row.dueOn));
				rectificationRowOf.add(i);
			}
		}
		List<String> names = inspectors == null ? List.of()
				: Arrays.stream(inspectors.split("[、，,;；\\s]+")).filter(s -> !s.isBlank()).toList();
		return new NewInspection(inspectedAgencyCode, inspectedOn, names, items, findings, owed);
	}

	/**
	 * Checks the input as the facade will, after the binding of the form's own values, putting each
	 * refusal at its row and field.
	 *
	 * @return whether the input may go to the facade
	 */
	boolean accepts(NewInspection input, Validator validator, BindingResult errors) {
		if (errors.hasErrors()) {
			return false;
		}
		Set<ConstraintViolation<NewInspection>> violations = validator.validate(input);
		reject(violations, errors);
		return violations.isEmpty();
	}

	/** Puts each refused value back at its field: {@code checklist[2].score} at the row it came from. */
	void reject(Set<ConstraintViolation<NewInspection>> violations, BindingResult errors) {
		for (ConstraintViolation<NewInspection> violation : violations) {
			rejectAt(formPath(violation.getPropertyPath().toString()), violation.getMessage(), errors);
		}
	}

	/** A refusal of the service: at its field when it concerns one, above the form otherwise. */
	void reject(DomainException refused, BindingResult errors) {
		String field = FIELD_OF_CODE.get(refused.code());
		if (field == null) {
			errors.reject(refused.code(), refused.getMessage());
		}
		else {
			errors.rejectValue(field, refused.code(), refused.getMessage());
		}
	}

	private String formPath(String inputPath) {
		if (inputPath.startsWith("inspectors")) {
			return "inspectors";
		}
		Matcher row = ROW.matcher(inputPath);
		if (!row.matches()) {
			return inputPath;
		}
		List<Integer> rows = row.group(1).equals("checklist") ? checkRowOf : rectificationRowOf;
		int line = Integer.parseInt(row.group(2));
		return line < rows.size() ? "%s[%d]%s".formatted(row.group(1), rows.get(line), row.group(3)) : row.group(1);
	}

	private static void rejectAt(String path, String message, BindingResult errors) {
		try {
			errors.rejectValue(path, "invalid", message);
		}
		catch (NotReadablePropertyException | IllegalArgumentException noSuchField) {
			errors.reject("invalid", message);
		}
	}

	public String getInspectedAgencyCode() {
		return inspectedAgencyCode;
	}

	public void setInspectedAgencyCode(String inspectedAgencyCode) {
		this.inspectedAgencyCode = inspectedAgencyCode;
	}

	public LocalDate getInspectedOn() {
		return inspectedOn;
	}

	public void setInspectedOn(LocalDate inspectedOn) {
		this.inspectedOn = inspectedOn;
	}

	public String getInspectors() {
		return inspectors;
	}

	public void setInspectors(String inspectors) {
		this.inspectors = inspectors;
	}

	public String getFindings() {
		return findings;
	}

	public void setFindings(String findings) {
		this.findings = findings;
	}

	public List<CheckRow> getChecklist() {
		return checklist;
	}

	public void setChecklist(List<CheckRow> checklist) {
		this.checklist = checklist;
	}

	public List<RectificationRow> getRectifications() {
		return rectifications;
	}

	public void setRectifications(List<RectificationRow> rectifications) {
		this.rectifications = rectifications;
	}

	/** A checklist row: item, its points, the points awarded. */
	public static class CheckRow {

		private String name;
		private BigDecimal maxScore;
		private BigDecimal score;

		public CheckRow() {
		}

		CheckRow(String name, BigDecimal maxScore) {
			this.name = name;
			this.maxScore = maxScore;
		}

		boolean blank() {
			return (name == null || name.isBlank()) && maxScore == null && score == null;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public BigDecimal getMaxScore() {
			return maxScore;
		}

		public void setMaxScore(BigDecimal maxScore) {
			this.maxScore = maxScore;
		}

		public BigDecimal getScore() {
			return score;
		}

		public void setScore(BigDecimal score) {
			this.score = score;
		}
	}

	/** A rectification row: what to put right, by which day. */
	public static class RectificationRow {

		private String item;
		private LocalDate dueOn;

		boolean blank() {
			return (item == null || item.isBlank()) && dueOn == null;
		}

		public String getItem() {
			return item;
		}

		public void setItem(String item) {
			this.item = item;
		}

		public LocalDate getDueOn() {
			return dueOn;
		}

		public void setDueOn(LocalDate dueOn) {
			this.dueOn = dueOn;
		}
	}
}
