package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Every list is paged, filtered and sorted by whitelisted columns; totals are counted up to 10,000. */
class PagedQueryTest {

	private static JdbcClient jdbc;

	@BeforeAll
	static void table() {
		jdbc = JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:paged;MODE=PostgreSQL;DB_CLOSE_DELAY=-1"));
		jdbc.sql("create table item (id int primary key, name varchar(20), kind varchar(10))").update();
		jdbc.sql("""
				insert into item (id, name, kind)
				select x, '条目' || x, case when mod(x, 2) = 0 then 'EVEN' else 'ODD' end from system_range(1, 10050)""")
			.update();
	}

	private static PagedQuery items() {
		return new PagedQuery("id, name", "item", Map.of("name", "name", "id", "id"), "id asc");
	}

	@Test
	void a_page_is_the_requested_slice_in_the_default_order() {
		Page<Integer> page = items().where("kind = ?", "EVEN").fetch(jdbc, PageRequest.of(1, 3), (rs, n) -> rs.getInt("id"));

		assertThat(page.getContent()).containsExactly(8, 10, 12);
		assertThat(page.getTotalElements()).isEqualTo(5025);
	}

	@Test
	void a_total_beyond_ten_thousand_is_reported_as_more_than() {
		Page<Integer> page = items().fetch(jdbc, PageRequest.of(0, 20), (rs, n) -> rs.getInt("id"));

		assertThat(page.getTotalElements()).isEqualTo(PagedQuery.COUNT_LIMIT + 1);
		assertThat(PageResponse.of(page).totalExact()).isFalse();
	}

	@Test
	void sorting_by_an_unknown_property_is_refused_naming_the_ones_offered() {
		assertThatThrownBy(() -> items().fetch(jdbc, PageRequest.of(0, 2, Sort.by("id; drop table item")),
				(rs, n) -> rs.getInt("id")))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("id; drop table item")
			.hasMessageContaining("id、name");
		assertThat(jdbc.sql("select count(*) from item").query(Integer.class).single()).isEqualTo(10050);
	}

	@Test
	void blank_filters_do_not_filter_and_keywords_match_part_of_a_column() {
		Page<Integer> page = items().where("kind = ?", " ").matching("目1005", "name")
			.fetch(jdbc, PageRequest.of(0, 20), (rs, n) -> rs.getInt("id"));

		assertThat(page.getContent()).containsExactly(1005, 10050);
	}
}
