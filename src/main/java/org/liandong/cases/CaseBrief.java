package org.liandong.cases;

/** A case as other modules refer to it: number, party and host, and how far the reader may see it. */
public record CaseBrief(long id, String number, String partyName, String partyUscc, String violationType,
		Severity severity, String hostAgencyCode, CaseView.Access access) {
}
