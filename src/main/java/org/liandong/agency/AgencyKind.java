package org.liandong.agency;

/** What an agency is within the mechanism (R1.1, R1.2). */
public enum AgencyKind {

	CITY_BUREAU("市应急管理局"),
	LEGAL_OFFICE("市局法制机构"),
	ENFORCEMENT_DETACHMENT("市局执法支队"),
	COUNTY_BUREAU("县（市、区）应急管理局"),
	EXTERNAL_DEPARTMENT("其他部门");

	private final String label;

	AgencyKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The city bureau and its offices direct the mechanism and see every case (R2.7). */
	public boolean isCityLevel() {
		return this == CITY_BUREAU || this == LEGAL_OFFICE || this == ENFORCEMENT_DETACHMENT;
	}
}
