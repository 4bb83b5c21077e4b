package org.liandong.platform.web;

import java.util.List;
import java.util.stream.IntStream;

import org.liandong.platform.PagedQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links for paging and sorting that keep the current filters, used by the pager fragment as
 * {@code @pageLinks}. Thymeleaf forbids bean calls inside {@code th:href}, so templates take the link
 * through {@code th:with}.
 */
@Component("pageLinks")
public class PageLinks {

	/** The page numbers around the current one that the pager offers. */
	public List<Integer> window(Page<?> page) {
		int from = Math.max(0, page.getNumber() - 3);
		int to = Math.min(page.getTotalPages() - 1, page.getNumber() + 3);
		return IntStream.rangeClosed(from, to).boxed().toList();
	}

	/** "共 N 条", or "共 10000 余条" when the total was counted only that far. */
	public String total(Page<?> page) {
		return page.getTotalElements() > PagedQuery.COUNT_LIMIT ? "共 %d 余条".formatted(PagedQuery.COUNT_LIMIT)
				: "共 %d 条".formatted(page.getTotalElements());
	}

	public String toPage(int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
	}

	/** Sorts by the property, ascending first and reversing when already sorted by it. */
	public String sortBy(String property, Sort current) {
		Sort.Order order = current == null ? null : current.getOrderFor(property);
		String direction = order != null && order.isAscending() ? "desc" : "asc";
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("sort", property + "," + direction)
			.replaceQueryParam("page", 0)
			.build()
			.toUriString();
	}

	public String sortMark(String property, Sort current) {
		Sort.Order order = current == null ? null : current.getOrderFor(property);
		return order == null ? "" : order.isAscending() ? " ▲" : " ▼";
	}
}
