package org.liandong.operations;

import java.util.List;

/** A hazard found at a target, with its photos and the case opened for it, if any. */
public record HazardView(long id, String description, HazardLevel level, String levelLabel, String location,
		String foundByAgencyCode, Long caseId, String caseNumber, List<PhotoView> photos) {
}
