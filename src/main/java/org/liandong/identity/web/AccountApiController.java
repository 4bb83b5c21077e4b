package org.liandong.identity.web;

import java.util.Set;

import org.liandong.identity.AccountSummary;
import org.liandong.platform.Access;
import org.liandong.identity.Accounts;
import org.liandong.identity.LiaisonEntry;
import org.liandong.identity.NewUserAccount;
import org.liandong.identity.Role;
import org.liandong.platform.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "用户与联络员")
class AccountApiController {

	private final Accounts accounts;

	AccountApiController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/users")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
	@Operation(summary = "用户列表（系统管理员、安全管理员）")
	PageResponse<AccountSummary> list(@RequestParam(required = false) String keyword,
			@RequestParam(required = false) String agencyCode, @PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(accounts.list(keyword, agencyCode, pageable));
	}

	@GetMapping("/users/{username}")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
	@Operation(summary = "查看一个用户")
	AccountSummary find(@PathVariable String username) {
		return accounts.find(username);
	}

	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Access.SYSTEM_ADMIN)
	@Operation(summary = "创建用户（系统管理员）；角色由安全管理员授予")
	AccountSummary create(@RequestBody NewUserAccount account) {
		return accounts.create(account);
	}

	@PutMapping("/users/{username}/roles")
	@PreAuthorize(Access.SECURITY_ADMIN)
	@Operation(summary = "设置用户角色（安全管理员）")
	AccountSummary changeRoles(@PathVariable String username, @RequestBody RoleChange change) {
		return accounts.changeRoles(username, change.roles(), change.version());
	}

	@PostMapping("/users/{username}/unlock")
	@PreAuthorize(Access.SECURITY_ADMIN)
	@Operation(summary = "解除登录失败锁定（安全管理员）")
	AccountSummary unlock(@PathVariable String username) {
		return accounts.unlock(username);
	}

	@GetMapping("/liaisons")
	@PreAuthorize(Access.BUSINESS_USER)
	@Operation(summary = "信息联络员名录（各单位可见）")
	PageResponse<LiaisonEntry> liaisons(@RequestParam(required = false) String keyword,
			@PageableDefault(size = 50) @ParameterObject Pageable pageable) {
		return PageResponse.of(accounts.liaisons(keyword, pageable));
	}

	/** The new role set; {@code version} is the account version the administrator saw. */
	record RoleChange(Set<Role> roles, Long version) {
	}
}
