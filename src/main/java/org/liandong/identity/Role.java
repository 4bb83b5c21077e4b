package org.liandong.identity;

/**
 * Roles a user holds (R1.3). The three administrator roles are separated: one account holds at
 * most one of them and no business role beside it, so no administrator handles business matters.
 */
public enum Role {

	SYSTEM_ADMIN("系统管理员", true),
	SECURITY_ADMIN("安全管理员", true),
	AUDIT_ADMIN("审计管理员", true),
	LEADER("局领导", false),
	LEGAL_OFFICER("法制审核人员", false),
	DETACHMENT_OFFICER("执法支队（联席会议办公室）人员", false),
	ENFORCER("执法人员", false),
	LIAISON("信息联络员", false);

	private final String label;
	private final boolean administrator;

	Role(String label, boolean administrator) {
		this.label = label;
		this.administrator = administrator;
	}

	public String label() {
		return label;
	}

	public boolean isAdministrator() {
		return administrator;
	}
}
