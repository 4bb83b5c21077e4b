package org.liandong.identity;

/** A person whose roles do not require it switched their second factor off. */
public record SecondFactorDisabled(String username) implements AccountEvent {

	@Override
	public String auditAction() {
		return "TWO_FACTOR_DISABLED";
	}

	@Override
	public String auditDetail() {
		return "本人关闭动态口令";
	}
}
