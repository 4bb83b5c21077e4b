package org.liandong.identity.web;

import java.util.List;

import org.liandong.identity.Accounts;
import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.identity.PasswordChange;
import org.liandong.identity.Role;
import org.liandong.platform.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "当前用户")
class MeController {

	private final Agencies agencies;
	private final Accounts accounts;

	MeController(Agencies agencies, Accounts accounts) {
		this.agencies = agencies;
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "当前用户、角色及所属机构（含行政区划代码）")
	Me me(@AuthenticationPrincipal SignedInUser user) {
		List<RoleView> roles = user.roles().stream().map(Role::valueOf).sorted()
			.map(role -> new RoleView(role.name(), role.label()))
			.toList();
		return new Me(user.getUsername(), user.displayName(), roles, agencies.find(user.agencyCode()).orElseThrow(),
				user.mustChangePassword());
	}

	@PutMapping("/api/v1/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "修改本人密码（由管理员创建的账户首次登录时必须先修改）")
	void changePassword(@AuthenticationPrincipal SignedInUser user, @RequestBody PasswordChange change) {
		accounts.changeOwnPassword(user.getUsername(), change);
	}

	record Me(String username, String displayName, List<RoleView> roles, AgencySummary agency,
			boolean mustChangePassword) {
	}

	record RoleView(String code, String name) {
	}
}
