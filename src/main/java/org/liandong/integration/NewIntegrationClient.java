package org.liandong.integration;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A client to register: its name, the agency whose view it reads with, and its scopes. */
public record NewIntegrationClient(
		@NotBlank(message = "请填写客户端名称，例如“省信用信息共享平台”") @Size(max = 100, message = "名称不能超过 100 个字") String name,
		@NotBlank(message = "请选择客户端代表的单位") String agencyCode,
		@NotEmpty(message = "请至少选择一项权限范围（scope）") Set<Scope> scopes) {
}
