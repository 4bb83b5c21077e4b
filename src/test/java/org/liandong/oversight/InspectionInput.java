package org.liandong.oversight;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** An inspection as a client writes it, valid unless a test changes it: a small builder of the JSON body. */
final class InspectionInput {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Object> body = new LinkedHashMap<>();
	private final List<Map<String, Object>> checklist = new ArrayList<>();
	private final List<Map<String, Object>> rectifications = new ArrayList<>();

	private InspectionInput(String inspected) {
		if (inspected != null) {
			body.put("inspectedAgencyCode", inspected);
		}
		body.put("inspectedOn", today().toString());
		body.put("inspectors", List.of("吴建国", "周执远"));
		body.put("findings", "抽查案卷 12 卷，2 卷调查取证不完整；协查请求均按期答复。");
		body.put("checklist", checklist);
		body.put("rectifications", rectifications);
	}

	/** Three items worth 100 points, 89.5 awarded, and one rectification due in ten days. */
	static InspectionInput of(String inspected) {
		return new InspectionInput(inspected).item("案卷质量", 30, 26.5).item("协查请求受理答复", 20, 18)
			.item("信息报送与共享", 50, 45).rectify("补正 2 卷案卷的调查取证材料", today().plusDays(10));
	}

	/** For a mutual inspection: the bureau follows from the campaign's assignment. */
	static InspectionInput mutual() {
		return of(null);
	}

	static LocalDate today() {
		return LocalDate.now(BEIJING);
	}

	InspectionInput item(String name, Object maxScore, Object score) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("name", name);
		item.put("maxScore", maxScore);
		item.put("score", score);
		checklist.add(item);
		return this;
	}

	InspectionInput rectify(String item, LocalDate dueOn) {
		Map<String, Object> rectification = new LinkedHashMap<>();
		rectification.put("item", item);
		rectification.put("dueOn", dueOn == null ? null : dueOn.toString());
		rectifications.add(rectification);
		return this;
	}

	InspectionInput noChecklist() {
		checklist.clear();
		return this;
	}

	InspectionInput with(String field, Object value) {
		body.put(field, value);
		return this;
	}

	String json() {
		return JSON.writeValueAsString(body);
	}
}
