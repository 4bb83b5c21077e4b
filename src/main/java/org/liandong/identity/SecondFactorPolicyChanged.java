package org.liandong.identity;

import org.liandong.audit.AuditableEvent;

/** The security administrator changed whether a role must sign in with a second factor. */
public record SecondFactorPolicyChanged(Role role, boolean mandatory) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "TWO_FACTOR_POLICY_CHANGED";
	}

	@Override
	public String auditObjectType() {
		return "two-factor-policy";
	}

	@Override
	public String auditObjectId() {
		return role.name();
	}

	@Override
	public String auditDetail() {
		return "动态口令策略：%s %s".formatted(role.label(), mandatory ? "必须使用" : "自愿使用");
	}
}
