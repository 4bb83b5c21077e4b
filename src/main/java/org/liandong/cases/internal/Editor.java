package org.liandong.cases.internal;

import org.liandong.platform.SignedInUser;

/** Who acts on a case, as the timeline and a stale-edit message name them. */
record Editor(String username, String displayName, String agencyCode, String agencyName) {

	/** The platform itself, for what happens without a person (a delivery reaching an inbox). */
	static final Editor SYSTEM = new Editor("system", "系统", null, null);

	static Editor of(SignedInUser user) {
		return new Editor(user.getUsername(), user.displayName(), user.agencyCode(), user.agencyName());
	}

	String describe() {
		return agencyName == null ? displayName : displayName + "（" + agencyName + "）";
	}
}
