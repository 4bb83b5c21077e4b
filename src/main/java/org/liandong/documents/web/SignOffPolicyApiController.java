package org.liandong.documents.web;

import java.util.List;

import org.liandong.documents.Approval;
import org.liandong.documents.DocumentKind;
import org.liandong.documents.SignOffPolicies;
import org.liandong.documents.SignOffPolicies.SignOffPolicy;
import org.liandong.platform.Access;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Which of a bureau's letters need its leader's sign-off (issue 23, N2), set by the system administrator. */
@RestController
@Tag(name = "公文签发")
@PreAuthorize(Access.SYSTEM_ADMIN)
class SignOffPolicyApiController {

	private final SignOffPolicies policies;

	SignOffPolicyApiController(SignOffPolicies policies) {
		this.policies = policies;
	}

	@GetMapping("/api/v1/sign-off-policies/{agencyCode}")
	@Operation(summary = "某单位各类公文的审批方式：经办人直接发出、局领导签发、或法制审核后局领导签发")
	List<SignOffPolicy> of(@PathVariable String agencyCode) {
		return policies.of(agencyCode);
	}

	@PutMapping("/api/v1/sign-off-policies/{agencyCode}")
	@Operation(summary = "设置某单位某类公文是否须经本单位领导签发（required），签发前是否先经本单位法制审核（review，仅在须签发时；记入审计）")
	SignOffPolicy set(@AuthenticationPrincipal SignedInUser administrator, @PathVariable String agencyCode,
			@RequestBody PolicyInput input) {
		if (input == null || input.kind() == null || input.required() == null) {
			throw DomainException.invalid("invalid-policy", "请给出 kind（如 ASSISTANCE_LETTER）和 required（true 或 false）");
		}
		boolean review = Boolean.TRUE.equals(input.review());
		if (review && !input.required()) {
			throw DomainException.invalid("review-without-sign-off", "法制审核是签发前的一步：review 为 true 时 required 也须为 true");
		}
		return policies.set(agencyCode, input.kind(), Approval.of(input.required(), review), administrator);
	}

	/** @param review whether the legal officer reviews before the sign-off; not given: no */
	record PolicyInput(DocumentKind kind, Boolean required, Boolean review) {
	}
}
