package org.liandong.identity;

/** A person chose a new password (never recorded: only that it changed). */
public record PasswordChanged(String username) implements AccountEvent {

	@Override
	public String auditAction() {
		return "PASSWORD_CHANGED";
	}

	@Override
	public String auditDetail() {
		return "本人修改密码";
	}
}
