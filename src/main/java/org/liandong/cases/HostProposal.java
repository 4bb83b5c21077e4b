package org.liandong.cases;

/**
 * What territorial hosting proposes (R2.2): the host agency, or none when the hierarchy has no
 * agency for that place and level, with the reasoning in Chinese.
 */
public record HostProposal(String agencyCode, String agencyName, String reasoning) {

	public boolean found() {
		return agencyCode != null;
	}
}
