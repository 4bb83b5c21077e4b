package org.liandong.instruments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An agreement or memorandum as its parties and the city bureau see it: the current text, each
 * party's signature of it (and, for a memorandum, its measures), the history of versions.
 * {@code actions} are what the reader's agency may do now: revise, submit, sign, measures, terminate.
 */
public record InstrumentView(long id, InstrumentKind kind, String title, String scope, InstrumentState state,
		LocalDate effectiveFrom, LocalDate effectiveUntil, Integer acceptWorkingDays, Integer answerWorkingDays,
		String draftingAgencyCode, String draftingAgencyName, int currentVersion, String text, List<Party> parties,
		List<TextVersion> versions, List<Attachment> attachments, String terminatedReason, Instant inForceAt,
		long version, List<String> actions) {

	public record Party(String agencyCode, String agencyName, boolean signed, Instant signedAt, String signedByName,
			List<String> measures) {
	}

	public record TextVersion(int number, Instant changedAt, String changedByName, String note) {
	}

	public record Attachment(long id, int versionNumber, String fileName, long size, String sm3, Instant uploadedAt,
			String uploadedByName) {
	}
}
