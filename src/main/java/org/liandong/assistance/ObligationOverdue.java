package org.liandong.assistance;

import java.time.Instant;

import org.liandong.audit.AuditedMissedDeadline;
import org.springframework.modulith.events.Externalized;

/**
 * A deadline of the assistance mechanism passed without the obligation being met: a request not
 * accepted or returned in time, not answered in time, a dispatch not acted on, a designated task
 * not reported. Published once per missed deadline, for oversight (R7.1).
 *
 * @param subjectType {@code assistance-request}, {@code dispatch} or {@code designation}
 * @param ownerAgencyCode the agency that owed the action
 */
@Externalized("liandong.events::obligation.overdue")
public record ObligationOverdue(String subjectType, long subjectId, String number, Obligation obligation,
		String ownerAgencyCode, Instant dueAt) implements AuditedMissedDeadline {

	public enum Obligation {
		ACCEPT_REQUEST("受理或退回协查请求"),
		ANSWER_REQUEST("答复协查请求"),
		ACT_ON_DISPATCH("办理督办事项"),
		DESIGNATED_TASK("办理指定管辖任务");

		private final String label;

		Obligation(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	@Override
	public String subjectName() {
		return number;
	}

	@Override
	public String obligationLabel() {
		return obligation.label();
	}

	@Override
	public String auditObjectId() {
		return number;
	}

	@Override
	public String auditDetail() {
		return "%s逾期未%s".formatted(ownerAgencyCode, obligation.label());
	}
}
