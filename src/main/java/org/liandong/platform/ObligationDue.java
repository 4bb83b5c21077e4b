package org.liandong.platform;

import java.time.Instant;

/**
 * An obligation of the mechanism began, or its due instant moved (R7.1): published by the module
 * that owns it, in the transaction that creates or moves it, so that oversight keeps one ledger of
 * every obligation without knowing the modules' tables. An obligation is named by its subject, its
 * words and its owner; {@link ObligationSettled} and {@link MissedDeadline} name it the same way.
 *
 * @param subjectType what it is about: {@code assistance-request}, {@code meeting}, {@code bulletin}…
 * @param subjectName a number or title that people recognise the subject by
 * @param obligation what is owed, in Chinese, the same words as {@link MissedDeadline#obligationLabel()}
 * @param ownerAgencyCode the agency that owes it
 * @param link the page on which the owner meets it
 */
public record ObligationDue(String subjectType, long subjectId, String subjectName, String obligation,
		String ownerAgencyCode, Instant dueAt, String link) {
}
