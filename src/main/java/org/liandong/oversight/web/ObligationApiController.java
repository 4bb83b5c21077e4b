package org.liandong.oversight.web;

import java.time.LocalDate;

import org.liandong.oversight.Dashboard;
import org.liandong.oversight.ObligationFilter;
import org.liandong.oversight.ObligationView;
import org.liandong.oversight.Obligations;
import org.liandong.platform.Access;
import org.liandong.platform.DomainException;
import org.liandong.platform.PageResponse;
import org.liandong.platform.SignedInUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/obligations")
@PreAuthorize(Access.BUSINESS_USER)
@Tag(name = "督办台账")
class ObligationApiController {

	private final Obligations obligations;

	ObligationApiController(Obligations obligations) {
		this.obligations = obligations;
	}

	@GetMapping
	@Operation(summary = "待办台账：各模块的每项义务及其期限（县局看本单位，市局看全市，可按 owner 指定单位）；subjectType 可用逗号分隔多个，"
			+ "obligation 为义务名称；outcome 为 open、overdue、on-time、late、missed 或 cancelled，dueFrom/dueTo 为到期日范围")
	PageResponse<ObligationView> list(@AuthenticationPrincipal SignedInUser reader,
			@RequestParam(required = false) String owner, @RequestParam(required = false) String subjectType,
			@RequestParam(required = false) String obligation, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) LocalDate dueFrom, @RequestParam(required = false) LocalDate dueTo, @PageableDefault(size = 20) @ParameterObject Pageable pageable) {
		return PageResponse.of(obligations.list(filter(owner, subjectType, obligation, outcome, dueFrom, dueTo), reader,
				pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "一项义务：期限、提醒、逾期督办与履行情况")
	ObligationView find(@AuthenticationPrincipal SignedInUser reader, @PathVariable long id) {
		return obligations.find(id, reader);
	}

	@GetMapping("/dashboard")
	@Operation(summary = "督办台：待办与逾期数、各单位按期履行率、近 12 个月趋势、各类义务平均办理时长；agency 为空时为全市（市局）")
	Dashboard dashboard(@AuthenticationPrincipal SignedInUser reader, @RequestParam(required = false) String agency) {
		return obligations.dashboard(agency, reader);
	}

	static ObligationFilter filter(String owner, String subjectType, String obligation, String outcome,
			LocalDate dueFrom, LocalDate dueTo) {
		if (outcome != null && !outcome.isBlank()
				&& !java.util.Set.of("open", "overdue", "on-time", "late", "missed", "cancelled").contains(outcome)) {
			throw DomainException.invalid("unknown-outcome", "outcome 应为 open、overdue、on-time、late、missed 或 cancelled");
		}
		if (dueFrom != null && dueTo != null && dueTo.isBefore(dueFrom)) {
			throw DomainException.invalid("invalid-range", "到期日范围的结束日期不能早于开始日期");
		}
		return new ObligationFilter(owner, subjectType, obligation, outcome, dueFrom, dueTo);
	}
}
