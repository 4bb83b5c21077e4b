package org.liandong.identity;

/** A person replaced their recovery codes (the codes are never recorded). */
public record RecoveryCodesRegenerated(String username) implements AccountEvent {

	@Override
	public String auditAction() {
		return "RECOVERY_CODES_REGENERATED";
	}

	@Override
	public String auditDetail() {
		return "本人重新生成恢复码，原恢复码作废";
	}
}
