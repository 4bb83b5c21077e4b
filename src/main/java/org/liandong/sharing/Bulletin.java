package org.liandong.sharing;

import java.time.Instant;
import java.util.List;

/** An incident bulletin sent to every bureau at once, and who acknowledged it when (R6.3). */
public record Bulletin(long id, String title, String body, String senderAgencyCode, String senderAgencyName,
		String sentByName, Instant sentAt, Instant ackDueAt, List<Acknowledgement> acknowledgements) {

	public record Acknowledgement(String agencyCode, String agencyName, Instant acknowledgedAt,
			String acknowledgedByName, boolean escalated) {
	}

	public long acknowledged() {
		return acknowledgements.stream().filter(a -> a.acknowledgedAt() != null).count();
	}
}
