package org.liandong.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the system administrator enters to create an account. Roles are granted afterwards by
 * the security administrator; the person chooses a new password at first sign-in.
 */
public record NewUserAccount(
		@NotBlank(message = "请填写用户名")
		@Pattern(regexp = "^[a-z0-9][a-z0-9._\\-]{2,63}$", message = "用户名只能由小写字母、数字、点、下划线和连字符组成，长度 3–64 位")
		String username,
		@NotBlank(message = "请填写姓名") @Size(max = 64, message = "姓名不能超过 64 个字") String displayName,
		@NotBlank(message = "请选择所属机构") String agencyCode,
		@NotBlank(message = "请设置初始密码") String initialPassword,
		@Size(max = 64, message = "职务不能超过 64 个字") String title,
		@Pattern(regexp = "^$|^[0-9\\-]{7,20}$", message = "办公电话格式不正确") String officePhone,
		@Pattern(regexp = "^$|^1\\d{10}$", message = "手机号码应为 11 位数字，以 1 开头") String mobile,
		@Email(message = "电子邮箱格式不正确") @Size(max = 128, message = "电子邮箱不能超过 128 个字符") String email) {
}
