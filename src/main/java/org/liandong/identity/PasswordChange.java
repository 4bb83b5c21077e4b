package org.liandong.identity;

import jakarta.validation.constraints.NotBlank;

/** A person's own password change: the current password, and the new one. */
public record PasswordChange(@NotBlank(message = "请输入当前密码") String currentPassword,
		@NotBlank(message = "请输入新密码") String newPassword) {
}
