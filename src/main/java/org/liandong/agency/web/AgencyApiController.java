package org.liandong.agency.web;

import java.util.List;

import org.liandong.platform.Access;
import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.agency.DivisionSummary;
import org.liandong.agency.NewAgency;
import org.liandong.agency.NewDivision;
import org.liandong.platform.DomainException;
import org.liandong.platform.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

@RestController
@RequestMapping("/api/v1")
@Tag(name = "机构与行政区划")
class AgencyApiController {

	private final Agencies agencies;

	AgencyApiController(Agencies agencies) {
		this.agencies = agencies;
	}

	@GetMapping("/agencies")
	@Operation(summary = "机构列表（分页，可按关键字、类型筛选，按 code、name、kind、divisionCode 排序）")
	PageResponse<AgencySummary> list(@RequestParam(required = false) String keyword,
			@RequestParam(required = false) AgencyKind kind, @PageableDefault(size = 50) @ParameterObject Pageable pageable) {
		return PageResponse.of(agencies.list(keyword, kind, pageable));
	}

	@GetMapping("/agencies/{code}")
	@Operation(summary = "查看一个机构")
	AgencySummary find(@PathVariable String code) {
		return agencies.find(code)
			.orElseThrow(() -> DomainException.notFound("unknown-agency", "机构 %s 不存在".formatted(code)));
	}

	@PostMapping("/agencies")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Access.SYSTEM_ADMIN)
	@Operation(summary = "登记机构（系统管理员）")
	AgencySummary register(@RequestBody NewAgency agency) {
		return agencies.register(agency);
	}

	@GetMapping("/divisions")
	@Operation(summary = "行政区划列表（分页，按代码排序）")
	PageResponse<DivisionSummary> divisions(@PageableDefault(size = 100) @ParameterObject Pageable pageable) {
		List<DivisionSummary> all = agencies.divisions();
		int from = (int) Math.min(pageable.getOffset(), all.size());
		int to = Math.min(from + pageable.getPageSize(), all.size());
		return PageResponse.of(new PageImpl<>(all.subList(from, to), pageable, all.size()));
	}

	@PostMapping("/divisions")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Access.SYSTEM_ADMIN)
	@Operation(summary = "登记行政区划或功能区（系统管理员）")
	DivisionSummary registerDivision(@RequestBody NewDivision division) {
		return agencies.registerDivision(division);
	}
}
