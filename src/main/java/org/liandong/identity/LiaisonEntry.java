package org.liandong.identity;

/**
 * One line of the liaison roster (R1.4): the named contact of a bureau, with the contact details
 * other bureaus need to reach them.
 */
public record LiaisonEntry(String agencyCode, String agencyName, String divisionCode, String displayName,
		String title, String officePhone, String mobile, String email) {
}
