package org.liandong.sharing;

import java.time.Instant;
import java.util.List;

/**
 * An incident bulletin sent to every bureau at once, and who acknowledged it when (R6.3); issued as
 * an official document (X3), whose id and number it carries (null for bulletins sent before, and for
 * one sent first that waits for its bureau leader's sign-off, issue 23).
 *
 * @param signOffPending sent first, its document waiting for the sending bureau's leader to sign it off (先发后签)
 * @param signedOffByName the leader who signed it off, where the bureau's bulletins need that
 */
public record Bulletin(long id, Long documentId, String documentNumber, String title, String body, String senderAgencyCode, String senderAgencyName,
		String sentByName, Instant sentAt, Instant ackDueAt, boolean signOffPending, String signedOffByName,
		Instant signedOffAt, List<Acknowledgement> acknowledgements) {

	public record Acknowledgement(String agencyCode, String agencyName, Instant acknowledgedAt,
			String acknowledgedByName, boolean escalated) {
	}

	public long acknowledged() {
		return acknowledgements.stream().filter(a -> a.acknowledgedAt() != null).count();
	}
}
