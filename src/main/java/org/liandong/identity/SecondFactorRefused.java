package org.liandong.identity;

/**
 * A sign-in was refused at its second step: no one-time password where one is required, a wrong
 * one, or one already used (replay). The code itself is never recorded.
 */
public record SecondFactorRefused(String username, String channel, String reason) implements AccountEvent {

	@Override
	public String auditAction() {
		return "TWO_FACTOR_REFUSED";
	}

	@Override
	public String auditDetail() {
		return "%s：第二因子验证未通过，拒绝登录（%s）".formatted(channel, reason);
	}

	@Override
	public String auditActor() {
		return username;
	}
}
