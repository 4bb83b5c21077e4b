package org.liandong.operations.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.liandong.operations.HazardLevel;
import org.liandong.operations.ItemOutcome;
import org.liandong.operations.NewInspectionRecord;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;

/**
 * The field record as the phone form posts it (issue 22): the standard checklist, each item with its
 * outcome; up to three hazard rows, blank ones ignored; the inspectors who sign, ticked.
 */
public class FieldRecordForm {

	/** The checklist of a work-safety spot inspection, the lines every team goes through. */
	static final List<String> CHECKLIST = List.of("安全生产责任制和管理制度落实情况", "安全教育培训和持证上岗情况",
			"重大危险源和危险化学品管理情况", "生产设备设施和特种设备安全状况", "应急预案和应急演练情况");

	static final int HAZARD_ROWS = 3;

	private String inspectedAt;
	private String presentPersons;
	private List<ItemRow> items = new ArrayList<>();
	private List<HazardRow> hazards = new ArrayList<>();
	private String measures;
	private List<String> signatures = new ArrayList<>();

	static FieldRecordForm blank(Instant now) {
		FieldRecordForm form = new FieldRecordForm();
		form.inspectedAt = LocalDateTime.ofInstant(now, ChineseTime.ZONE).withSecond(0).withNano(0).toString();
		CHECKLIST.forEach(item -> {
			ItemRow row = new ItemRow();
			row.setItem(item);
			row.setOutcome(ItemOutcome.COMPLIANT.name());
			form.items.add(row);
		});
		form.fillRows();
		return form;
	}

	/** Enough hazard rows to write into after a refusal. */
	void fillRows() {
		while (hazards.size() < HAZARD_ROWS) {
			hazards.add(new HazardRow());
		}
	}

	NewInspectionRecord toInput() {
		Instant at;
		try {
			at = inspectedAt == null || inspectedAt.isBlank() ? null
					: LocalDateTime.parse(inspectedAt).atZone(ChineseTime.ZONE).toInstant();
		}
		catch (DateTimeParseException e) {
			throw DomainException.invalid("bad-time", "检查时间格式不正确");
		}
		List<NewInspectionRecord.Item> itemInputs = items.stream().filter(i -> i != null && i.getItem() != null)
			.map(i -> new NewInspectionRecord.Item(i.getItem(), outcome(i.getOutcome()), i.getNote()))
			.toList();
		List<NewInspectionRecord.Hazard> hazardInputs = hazards.stream()
			.filter(h -> h != null && h.getDescription() != null && !h.getDescription().isBlank())
			.map(h -> new NewInspectionRecord.Hazard(h.getDescription(), level(h.getLevel()), h.getLocation()))
			.toList();
		return new NewInspectionRecord(at, presentPersons, itemInputs, hazardInputs, measures,
				signatures == null ? List.of() : signatures);
	}

	private static ItemOutcome outcome(String value) {
		try {
			return value == null ? null : ItemOutcome.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static HazardLevel level(String value) {
		try {
			return value == null ? null : HazardLevel.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	public String getInspectedAt() {
		return inspectedAt;
	}

	public void setInspectedAt(String inspectedAt) {
		this.inspectedAt = inspectedAt;
	}

	public String getPresentPersons() {
		return presentPersons;
	}

	public void setPresentPersons(String presentPersons) {
		this.presentPersons = presentPersons;
	}

	public List<ItemRow> getItems() {
		return items;
	}

	public void setItems(List<ItemRow> items) {
		this.items = items;
	}

	public List<HazardRow> getHazards() {
		return hazards;
	}

	public void setHazards(List<HazardRow> hazards) {
		this.hazards = hazards;
	}

	public String getMeasures() {
		return measures;
	}

	public void setMeasures(String measures) {
		this.measures = measures;
	}

	public List<String> getSignatures() {
		return signatures;
	}

	public void setSignatures(List<String> signatures) {
		this.signatures = signatures;
	}

	public static class ItemRow {

		private String item;
		private String outcome;
		private String note;

		public String getItem() {
			return item;
		}

		public void setItem(String item) {
			this.item = item;
		}

		public String getOutcome() {
			return outcome;
		}

		public void setOutcome(String outcome) {
			this.outcome = outcome;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}
	}

	public static class HazardRow {

		private String description;
		private String level = HazardLevel.GENERAL.name();
		private String location;

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getLevel() {
			return level;
		}

		public void setLevel(String level) {
			this.level = level;
		}

		public String getLocation() {
			return location;
		}

		public void setLocation(String location) {
			this.location = location;
		}
	}
}
