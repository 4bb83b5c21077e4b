package org.liandong.platform;

import java.time.Instant;

/**
 * A deadline of the mechanism passed without the obligation being met (R7.1): published once per
 * miss by the module that owns the deadline (assistance, meetings, sharing), so that oversight
 * can keep one ledger of every obligation without knowing the modules' tables.
 */
public interface MissedDeadline {

	/** What the obligation is about, e.g. {@code assistance-request}, {@code meeting}, {@code bulletin}. */
	String subjectType();

	long subjectId();

	/** A number or title that people recognise the subject by. */
	String subjectName();

	/** What was owed, in Chinese: 答复协查请求, 回复会议通知, 签收快报. */
	String obligationLabel();

	/** The agency that owed it. */
	String ownerAgencyCode();

	Instant dueAt();
}
