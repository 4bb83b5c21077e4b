package org.liandong.platform;

import java.util.List;

import org.springframework.data.domain.Page;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of a list as the API returns it; every list of the API is paged. {@code totalExact} is
 * false when the total was only counted as far as {@link PagedQuery#COUNT_LIMIT} ("more than").
 */
public record PageResponse<T>(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<T> content, int page, int size, long totalElements, int totalPages,
		boolean totalExact) {

	public static <T> PageResponse<T> of(Page<T> page) {
		return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
				page.getTotalPages(), page.getTotalElements() <= PagedQuery.COUNT_LIMIT);
	}
}
