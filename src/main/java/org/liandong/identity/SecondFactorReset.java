package org.liandong.identity;

/** The security administrator removed an account's second factor; it must bind anew (if required) at next sign-in. */
public record SecondFactorReset(String username) implements AccountEvent {

	@Override
	public String auditAction() {
		return "TWO_FACTOR_RESET";
	}

	@Override
	public String auditDetail() {
		return "安全管理员重置动态口令：原绑定与恢复码作废，须重新绑定";
	}
}
