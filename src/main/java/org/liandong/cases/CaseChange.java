package org.liandong.cases;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An edit of a case: only the fields given change. {@code version} is the version the editor saw;
 * an edit of an older version is refused, naming who changed the case meanwhile.
 */
public record CaseChange(
		@NotNull(message = "请提供所编辑案件的版本号（version）") Long version,
		CaseStatus status,
		Severity severity,
		@Size(max = 100, message = "违法类型不能超过 100 个字") String violationType,
		@Size(max = 4000, message = "案情简介不能超过 4000 个字") String summary,
		List<String> addParticipantCodes) {
}
