package org.liandong.platform;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;

/** Why a sign-in failed, in the words shown on the login page, in API errors and in the audit trail. */
public final class SignInFailure {

	private SignInFailure() {
	}

	/** Too many failed sign-ins from one address: tried again only after a pause (issue 9). */
	public static final class TooManyAttempts extends AuthenticationException {

		private final long secondsToWait;

		public TooManyAttempts(long secondsToWait) {
			super("too many failed sign-ins from this address");
			this.secondsToWait = secondsToWait;
		}

		public long secondsToWait() {
			return secondsToWait;
		}
	}

	public static String describe(AuthenticationException failure) {
		if (failure instanceof TooManyAttempts many) {
			return "该地址登录失败次数过多，请 %d 秒后再试".formatted(many.secondsToWait());
		}
		if (failure instanceof LockedException) {
			return "账户因连续登录失败已被锁定，请稍后再试或联系安全管理员解锁";
		}
		if (failure instanceof DisabledException) {
			return "账户已停用，请联系系统管理员";
		}
		if (failure instanceof BadCredentialsException) {
			return "用户名或密码错误";
		}
		return "身份验证失败";
	}

	/** A stable code for API clients. */
	public static String code(AuthenticationException failure) {
		if (failure instanceof TooManyAttempts) {
			return "too-many-sign-in-attempts";
		}
		if (failure instanceof LockedException) {
			return "account-locked";
		}
		if (failure instanceof DisabledException) {
			return "account-disabled";
		}
		return "unauthenticated";
	}
}
