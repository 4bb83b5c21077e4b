package org.liandong.identity.web;

import java.util.List;

import org.liandong.identity.Enrolment;
import org.liandong.identity.Role;
import org.liandong.identity.SecondFactorRule;
import org.liandong.identity.SecondFactorStatus;
import org.liandong.identity.SecondFactors;
import org.liandong.platform.Access;
import org.liandong.platform.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The second factor over the API (issue 12). A call by an account with a bound authenticator, or
 * whose roles require one, carries the current one-time password in the {@code X-OTP} header.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "动态口令（第二因子）")
class SecondFactorApiController {

	private final SecondFactors secondFactors;

	SecondFactorApiController(SecondFactors secondFactors) {
		this.secondFactors = secondFactors;
	}

	@GetMapping("/me/two-factor")
	@Operation(summary = "本人的动态口令状态")
	SecondFactorStatus status(@AuthenticationPrincipal SignedInUser user) {
		return secondFactors.status(user.getUsername());
	}

	@PostMapping("/me/two-factor/enrolment")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "开始绑定：返回密钥、otpauth 地址与二维码，以首个动态口令确认后生效")
	Enrolment enrol(@AuthenticationPrincipal SignedInUser user) {
		return secondFactors.startEnrolment(user.getUsername());
	}

	@PostMapping("/me/two-factor/confirmation")
	@Operation(summary = "以首个动态口令确认绑定；返回恢复码（仅此一次）")
	RecoveryCodes confirm(@AuthenticationPrincipal SignedInUser user, @RequestBody CodeGiven given) {
		return new RecoveryCodes(secondFactors.confirmEnrolment(user.getUsername(), given.code()));
	}

	@GetMapping("/security/two-factor/policy")
	@PreAuthorize(Access.SECURITY_ADMIN)
	@Operation(summary = "动态口令策略：各角色是否必须使用（安全管理员）")
	List<SecondFactorRule> policy() {
		return secondFactors.policy();
	}

	@PutMapping("/security/two-factor/policy/{role}")
	@PreAuthorize(Access.SECURITY_ADMIN)
	@Operation(summary = "设置某角色是否必须使用动态口令（安全管理员）")
	SecondFactorRule changePolicy(@PathVariable Role role, @RequestBody PolicyChange change) {
		return secondFactors.changePolicy(role, change.mandatory());
	}

	@GetMapping("/security/two-factor/accounts")
	@PreAuthorize(Access.SECURITY_ADMIN)
	@Operation(summary = "已绑定或须绑定动态口令的账户（安全管理员）")
	List<SecondFactorStatus> accounts() {
		return secondFactors.overview();
	}

	@DeleteMapping("/users/{username}/two-factor")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize(Access.SECURITY_ADMIN)
	@Operation(summary = "重置用户的动态口令（安全管理员；原绑定与恢复码作废，须重新绑定）")
	void reset(@PathVariable String username) {
		secondFactors.reset(username);
	}

	record CodeGiven(String code) {
	}

	record RecoveryCodes(List<String> recoveryCodes) {
	}

	record PolicyChange(boolean mandatory) {
	}
}
