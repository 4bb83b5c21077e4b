package org.liandong.operations;

import java.time.Instant;
import java.util.List;

/** The field record of one target's inspection (issue 22). */
public record InspectionRecordView(long id, long operationId, long targetId, String targetName, String uscc,
		long teamId, String teamName, Instant inspectedAt, String presentPersons, List<Item> items,
		List<HazardView> hazards, String measures, List<String> signatures, String recordedByAgencyCode,
		String recordedByName, Instant recordedAt) {

	public record Item(String item, ItemOutcome outcome, String outcomeLabel, String note) {
	}
}
