package org.liandong.identity;

/** A person bound an authenticator app to their account (the secret is never recorded). */
public record SecondFactorEnrolled(String username) implements AccountEvent {

	@Override
	public String auditAction() {
		return "TWO_FACTOR_ENROLLED";
	}

	@Override
	public String auditDetail() {
		return "绑定动态口令（身份验证器），生成恢复码";
	}
}
