package org.liandong.cases;

import java.util.List;
import org.springframework.modulith.events.Externalized;

/** A bureau notified other bureaus of a case (R2.3). */
@Externalized("liandong.events::case.notified")
public record CaseNotified(long caseId, String number, String fromAgencyCode, List<String> recipientCodes)
		implements CaseEvent {

	@Override
	public String auditAction() {
		return "CASE_NOTIFIED";
	}

	@Override
	public String auditDetail() {
		return "向 %s 通报案件".formatted(String.join("、", recipientCodes));
	}
}
