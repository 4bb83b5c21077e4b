package org.liandong.integration.web;

import java.util.List;

import org.liandong.integration.ClientRegistration;
import org.liandong.integration.IntegrationClientView;
import org.liandong.integration.IntegrationClients;
import org.liandong.integration.NewIntegrationClient;
import org.liandong.platform.Access;
import org.liandong.platform.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Registration of integration clients by the system administrator (issue 20, X5). */
@RestController
@RequestMapping("/api/v1/integration-clients")
@PreAuthorize(Access.SYSTEM_ADMIN)
@Tag(name = "接入客户端")
class IntegrationClientApiController {

	private final IntegrationClients clients;

	IntegrationClientApiController(IntegrationClients clients) {
		this.clients = clients;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "登记接入客户端（系统管理员）：名称、代表的单位、权限范围；客户端密钥只在此次答复中出现")
	ClientRegistration register(@AuthenticationPrincipal SignedInUser admin, @RequestBody NewIntegrationClient client) {
		return clients.register(client, admin);
	}

	@GetMapping
	@Operation(summary = "接入客户端列表（系统管理员）")
	List<IntegrationClientView> list() {
		return clients.list();
	}

	@PostMapping("/{id}/revoke")
	@Operation(summary = "吊销接入客户端（系统管理员）：不再签发令牌，已签发的令牌一律拒绝")
	IntegrationClientView revoke(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id) {
		return clients.revoke(id, admin);
	}
}
