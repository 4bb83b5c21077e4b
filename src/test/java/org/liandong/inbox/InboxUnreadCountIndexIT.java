package org.liandong.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.liandong.platform.SignedInUser;
import org.liandong.support.LiandongIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18: the unread count in every page's header reads the bureau's unhandled messages through the partial index
 * of V60_1, not the whole of inbox_message (a scan of 35,000 messages took 59 ms in the benchmarks' schema). The
 * session's own statistics of the transaction tell which index and how many scans of the table the count used.
 */
@LiandongIntegrationTest
@EnabledIfSystemProperty(named = "spring.datasource.url", matches = "jdbc:postgresql:.*",
		disabledReason = "partial indexes are PostgreSQL's: runs in the PostgreSQL run of .ci/run")
class InboxUnreadCountIndexIT {

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	TransactionTemplate transactions;

	/** The handled messages this test adds for 新华区, removed again: the schema is shared by the PostgreSQL run. */
	final String source = "unread-count-test-" + UUID.randomUUID();

	@AfterEach
	void removeTheMessages() {
		jdbc.sql("delete from inbox_message where source_type = ?").param(source).update();
	}

	@Test
	void the_unread_count_of_a_bureau_with_thousands_of_handled_messages_reads_the_unhandled_index_and_not_the_table() {
		jdbc.sql("""
				insert into inbox_message (recipient_agency, recipient_user, kind, title, body, link, source_type, source_id,
				    created_at, handled_at)
				select '410402', '', 'TEST', '已办结的事项 ' || n, '', '/inbox', ?, n::text, now(), now()
				from generate_series(1, 5000) n""").param(source).update();
		jdbc.sql("analyze inbox_message").update();
		SignedInUser reader = (SignedInUser) users.loadUserByUsername("xinhua.enforcer");

		long[] scans = transactions.execute(status -> {
			long[] before = scans();
			inbox.unreadCount(reader);
			long[] after = scans();
			return new long[] { after[0] - before[0], after[1] - before[1] };
		});

		assertThat(scans[0]).as("scans of the whole inbox_message").isZero();
		assertThat(scans[1]).as("scans of inbox_message_unhandled").isPositive();
	}

	/** The transaction's sequential scans of inbox_message so far, and its scans of the partial index. */
	private long[] scans() {
		return new long[] {
				jdbc.sql("select seq_scan from pg_stat_xact_user_tables where relname = 'inbox_message'"
						+ " and schemaname = current_schema()")
					.query(Long.class).single(),
				jdbc.sql("select pg_stat_get_xact_numscans('inbox_message_unhandled'::regclass)")
					.query(Long.class).single() };
	}
}
