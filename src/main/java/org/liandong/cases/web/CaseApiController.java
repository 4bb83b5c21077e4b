package org.liandong.cases.web;

import java.time.LocalDate;
import java.util.List;

import org.liandong.cases.CaseChange;
import org.liandong.cases.CaseFilter;
import org.liandong.cases.CaseStatus;
import org.liandong.cases.CaseSummary;
import org.liandong.cases.CaseView;
import org.liandong.cases.CaseView.NotificationView;
import org.liandong.cases.Cases;
import org.liandong.cases.PartyCheck;
import org.liandong.cases.PartyElsewhere;
import org.liandong.cases.PartyInSeveralBureaus;
import org.liandong.cases.HostProposal;
import org.liandong.cases.NewCase;
import org.liandong.cases.NewNotification;
import org.liandong.cases.Severity;
import org.liandong.cases.SupervisionLevel;
import org.liandong.platform.Access;
import org.liandong.platform.PageResponse;
import org.liandong.platform.SignedInUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.constraints.Pattern;

@RestController
@RequestMapping("/api/v1/cases")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "案件")
class CaseApiController {

	private final Cases cases;

	CaseApiController(Cases cases) {
		this.cases = cases;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Access.CASE_OFFICER)
	@Operation(summary = "立案登记（执法人员）；主办机构按属地原则建议，可改并说明理由")
	CaseView register(@AuthenticationPrincipal SignedInUser registrar, @RequestBody NewCase request) {
		return cases.register(request, registrar);
	}

	@GetMapping
	@Operation(summary = "案件列表：本单位主办、立案、参与和被通报的案件，市局可见全部（分页，可筛选）")
	PageResponse<CaseSummary> list(@AuthenticationPrincipal SignedInUser reader,
			@RequestParam(required = false) CaseStatus status, @RequestParam(required = false) Severity severity,
			@RequestParam(required = false) String violationType, @RequestParam(required = false) String agencyCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String party, @PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(cases.list(new CaseFilter(status, severity, violationType, agencyCode, from, to, party),
				reader, pageable));
	}

	@GetMapping("/host-proposal")
	@Operation(summary = "按属地原则建议主办机构")
	HostProposal proposeHost(
			@RequestParam @Pattern(regexp = "^\\d{6}$", message = "行政区划代码应为 6 位数字") @Parameter(description = "行政区划代码（GB/T 2260）", example = "410402") String divisionCode, @RequestParam SupervisionLevel level) {
		return cases.proposeHost(divisionCode, level);
	}

	@GetMapping("/{id}")
	@Operation(summary = "案件详情（含时间线）；被通报单位只见摘要；无权查看的案件答复 404")
	CaseView find(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return cases.find(id, reader);
	}

	@GetMapping("/{id}/party-elsewhere")
	@Operation(summary = "同一当事人在其他单位的未结案件（issue 22）：单位、件数及其信息联络员，不含案件内容；"
			+ "企业按统一社会信用代码，个人按公民身份号码的密钥散列比对")
	PartyElsewhere partyElsewhere(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return cases.partyElsewhere(id, reader);
	}

	@PostMapping("/party-checks")
	@PreAuthorize(Access.CASE_OFFICER)
	@Operation(summary = "核查当事人（执法人员，issue 22）：按统一社会信用代码或公民身份号码（二者填一项）查询其他单位有无未结案件；"
			+ "号码放在请求体中，不进入网址；每次核查记入审计")
	PartyElsewhere checkParty(@AuthenticationPrincipal SignedInUser checker, @RequestBody PartyCheck check) {
		return cases.checkParty(check, checker);
	}

	@GetMapping("/parties-in-several-bureaus")
	@Operation(summary = "市局：在两个以上单位有未结案件的当事人及各单位件数（分页，issue 22）；其他单位答复 403")
	PageResponse<PartyInSeveralBureaus> partiesInSeveralBureaus(@AuthenticationPrincipal SignedInUser reader,
			@PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(cases.partiesInSeveralBureaus(reader, pageable));
	}

	@PatchMapping("/{id}")
	@PreAuthorize(Access.CASE_OFFICER)
	@Operation(summary = "修改案件（主办或立案单位）；须带所见版本号，过期的修改答复 409 并说明由谁修改")
	CaseView change(@AuthenticationPrincipal SignedInUser editor, @PathVariable long id,
			@RequestBody CaseChange change) {
		return cases.change(id, change, editor);
	}

	@PostMapping("/{id}/notifications")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Access.CASE_NOTIFIER)
	@Operation(summary = "向其他单位通报案件，送达与阅读情况记入通报")
	List<NotificationView> notify(@AuthenticationPrincipal SignedInUser sender, @PathVariable long id,
			@RequestBody NewNotification notification) {
		return cases.notify(id, notification, sender);
	}
}
