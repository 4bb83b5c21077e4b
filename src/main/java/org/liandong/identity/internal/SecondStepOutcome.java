package org.liandong.identity.internal;

/**
 * The answer to a code given at the second step of a sign-in (issue 12, L3-CES1-04), with the
 * message the person reads.
 */
enum SecondStepOutcome {
	PASSED("动态口令验证通过"),
	WRONG("动态口令错误或已过期：请输入身份验证器当前显示的 6 位数字，或一个未使用的恢复码"),
	REPLAYED("该动态口令已经使用过：每个口令只能使用一次，请等待身份验证器显示新的口令后再输入"),
	RECOVERY_USED("该恢复码已经使用过：每个恢复码只能使用一次"),
	MISSING("需要动态口令：请输入身份验证器当前显示的 6 位数字"),
	LOCKED("连续多次验证失败，账户已被锁定，请稍后再试或联系安全管理员");

	private final String message;

	SecondStepOutcome(String message) {
		this.message = message;
	}

	String message() {
		return message;
	}
}
