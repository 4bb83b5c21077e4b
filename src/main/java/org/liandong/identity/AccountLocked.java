package org.liandong.identity;

import java.time.Instant;

import org.liandong.platform.ChineseTime;

/** Too many consecutive failed sign-ins locked an account until the given instant. */
public record AccountLocked(String username, int failures, Instant until) implements AccountEvent {

	@Override
	public String auditAction() {
		return "ACCOUNT_LOCKED";
	}

	@Override
	public String auditDetail() {
		return "连续 %d 次登录失败，账户锁定至 %s".formatted(failures, ChineseTime.format(until));
	}

	@Override
	public String auditActor() {
		return "system";
	}
}
