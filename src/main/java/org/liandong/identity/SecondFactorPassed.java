package org.liandong.identity;

/** The second step of a sign-in succeeded, with a one-time password or a recovery code. */
public record SecondFactorPassed(String username, String channel, boolean recoveryCode, int recoveryCodesLeft)
		implements AccountEvent {

	@Override
	public String auditAction() {
		return "TWO_FACTOR_PASSED";
	}

	@Override
	public String auditDetail() {
		return recoveryCode ? "%s：使用恢复码通过第二因子验证（剩余 %d 个恢复码）".formatted(channel, recoveryCodesLeft)
				: "%s：动态口令验证通过".formatted(channel);
	}

	@Override
	public String auditActor() {
		return username;
	}
}
