package org.liandong.oversight.web;

import java.util.List;

import org.liandong.oversight.Accountability;
import org.liandong.oversight.AccountabilityDecision;
import org.liandong.oversight.AccountabilityState;
import org.liandong.oversight.AccountabilityView;
import org.liandong.oversight.NewAccountabilityRecord;
import org.liandong.platform.Access;
import org.liandong.platform.PageResponse;
import org.liandong.platform.SignedInUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Accountability records over the API (R7.2). */
@RestController
@RequestMapping("/api/v1/accountability")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "问责")
class AccountabilityApiController {

	private final Accountability accountability;

	AccountabilityApiController(Accountability accountability) {
		this.accountability = accountability;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "立案问责（市局领导、执法支队）：被问责单位、问责事实（必填）、关联该单位的失职记录 conductIds；被问责单位收到消息")
	AccountabilityView open(@AuthenticationPrincipal SignedInUser opener, @RequestBody NewAccountabilityRecord record) {
		return accountability.open(record, opener);
	}

	@GetMapping
	@Operation(summary = "问责记录（被问责单位看本单位的，市局看本市全部）；state=OPEN 待决定、DECIDED 已决定")
	PageResponse<AccountabilityView> list(@AuthenticationPrincipal SignedInUser reader,
			@RequestParam(required = false) AccountabilityState state, @PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(accountability.list(state, reader, pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "问责记录：事实、关联的失职记录、决定、措施和扣分")
	AccountabilityView find(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return accountability.find(id, reader);
	}

	@PostMapping("/{id}/decision")
	@Operation(summary = "作出问责决定（市局）：决定、措施（NOTICE_OF_CRITICISM 通报批评、ADMONITORY_TALK 约谈、ORDER_TO_RECTIFY 责令整改、NO_EXCELLENCE_AWARD 取消年度评优资格、OTHER 其他并写明 otherMeasure）、年终考核扣分 0–20；只能决定一次")
	AccountabilityView decide(@AuthenticationPrincipal SignedInUser decider, @PathVariable long id,
			@RequestBody AccountabilityDecision decision) {
		return accountability.decide(id, decision, decider);
	}

	@GetMapping("/conduct")
	@Operation(summary = "某单位的失职记录（逾期未办、以其他原因退回协查、多次逾期），供立案时关联（市局）")
	List<AccountabilityView.Conduct> conduct(@AuthenticationPrincipal SignedInUser opener,
			@RequestParam String agencyCode) {
		return accountability.conductOf(agencyCode, opener);
	}
}
