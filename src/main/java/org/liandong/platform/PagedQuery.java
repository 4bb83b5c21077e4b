package org.liandong.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a SQL list with filters and sorting, the way every list of the platform is shown.
 * Sorting is only by whitelisted columns, so a request parameter never reaches the SQL text. The
 * total is counted up to {@value #COUNT_LIMIT} and beyond that reported as {@code COUNT_LIMIT + 1}
 * ("more than 10,000"): counting a province's hundreds of thousands of rows on every page costs
 * more than the page itself, and nobody pages that far.
 */
public final class PagedQuery {

	public static final int COUNT_LIMIT = 10_000;

	private final String select;
	private final String from;
	private final StringBuilder where = new StringBuilder(" where 1 = 1");
	private final List<Object> fromParams = new ArrayList<>();
	private final List<Object> params = new ArrayList<>();
	private final Map<String, String> sortable;
	private final String defaultOrder;

	/**
	 * @param select the select list, e.g. {@code a.code, a.name}
	 * @param from the from clause with joins, without the word {@code from}
	 * @param sortable sort property names offered to clients, mapped to SQL columns
	 * @param defaultOrder the order used when the client asks none, also the tie-breaker
	 */
	public PagedQuery(String select, String from, Map<String, String> sortable, String defaultOrder) {
		this.select = select;
		this.from = from;
		this.sortable = sortable;
		this.defaultOrder = defaultOrder;
	}

	/** Binds the placeholders of the from clause (in a join condition, say), in order. */
	public PagedQuery fromParams(Object... values) {
		fromParams.addAll(Arrays.asList(values));
		return this;
	}

	/** Adds a condition when the value is present (not null, not blank). */
	public PagedQuery where(String condition, Object value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return this;
		}
		where.append(" and ").append(condition);
		long placeholders = condition.chars().filter(c -> c == '?').count();
		for (int i = 0; i < placeholders; i++) {
			params.add(value instanceof String text ? text.trim() : value);
		}
		return this;
	}

	/** Adds a condition with several different parameters, in order, when {@code apply} holds. */
	public PagedQuery whereIf(boolean apply, String condition, Object... values) {
		if (apply) {
			where.append(" and ").append(condition);
			params.addAll(Arrays.asList(values));
		}
		return this;
	}

	/** Adds a case-insensitive substring match over several columns. */
	public PagedQuery matching(String keyword, String... columns) {
		if (keyword == null || keyword.isBlank()) {
			return this;
		}
		String condition = Arrays.stream(columns)
			.map(column -> "lower(" + column + ") like ?")
			.collect(Collectors.joining(" or ", "(", ")"));
		return where(condition, "%" + literal(keyword.trim().toLowerCase()) + "%");
	}

	/** The text with LIKE's wildcards escaped, so that a % or _ typed by a user matches itself. */
	public static String literal(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	public <T> Page<T> fetch(JdbcClient jdbc, Pageable pageable, RowMapper<T> rows) {
		String orderBy = order(pageable.getSort());
		List<Object> allParams = new ArrayList<>(fromParams);
		allParams.addAll(params);
		List<Object> countParams = new ArrayList<>(allParams);
		countParams.add(COUNT_LIMIT + 1);
		long total = jdbc.sql("select count(*) from (select 1 from " + from + where + " limit ?) counted")
			.params(countParams)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(allParams);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<T> content = jdbc.sql("select " + select + " from " + from + where + " order by " + orderBy
				+ " limit ? offset ?")
			.params(pageParams)
			.query(rows)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	/**
	 * The requested order, refused (400) for a property the list does not offer: a client asking for an
	 * order it does not get would take the default order for the one it asked for (issue 20).
	 */
	private String order(Sort sort) {
		sort.stream()
			.map(Sort.Order::getProperty)
			.filter(property -> !sortable.containsKey(property))
			.findFirst()
			.ifPresent(property -> {
				throw DomainException.invalid("invalid-sort", sortable.isEmpty()
						? "此列表不能指定排序（参数 sort 的“%s”）".formatted(property)
						: "此列表不能按“%s”排序；可用的排序属性：%s".formatted(property,
								String.join("、", new TreeSet<>(sortable.keySet()))));
			});
		String requested = sort.stream()
			.map(order -> sortable.get(order.getProperty()) + (order.isAscending() ? " asc" : " desc"))
			.collect(Collectors.joining(", "));
		return requested.isEmpty() ? defaultOrder : requested + ", " + defaultOrder;
	}
}
