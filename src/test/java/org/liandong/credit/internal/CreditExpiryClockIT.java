package org.liandong.credit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Audited;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * R4.2 with the clock driven by the test (issue 21): an entry stays on the list until the end of
 * its publication and leaves it by itself after, once however often the hourly job runs; the
 * history of the entry stays.
 */
@LiandongIntegrationTest
class CreditExpiryClockIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void an_entry_leaves_the_list_by_itself_when_its_publication_ends() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api legal = Api.at(port).as("city.legal", PASSWORD);
		JsonNode kase = Fixtures.majorCase(xinhua);
		JsonNode published = Fixtures.listedEntry(xinhua, kase, legal);
		long id = published.path("id").asLong();
		Instant until = Instant.parse(published.path("publishedUntil").asString());

		MovableClock clock = new MovableClock(until.minus(Duration.ofMinutes(1)));
		CreditExpiry expiry = new CreditExpiry(jdbc, events, clock);
		transactions.executeWithoutResult(status -> expiry.expire());
		assertThat(state(legal, id)).as("a minute before the end").isEqualTo("PUBLISHED");

		clock.advance(Duration.ofMinutes(2));
		transactions.executeWithoutResult(status -> expiry.expire());
		transactions.executeWithoutResult(status -> expiry.expire());
		JsonNode ended = legal.get("/api/v1/credit/entries/" + id).json();
		assertThat(ended.path("state").asString()).as("a minute after the end").isEqualTo("EXPIRED");
		assertThat(ended.path("decisionNumber").asString()).as("the history stays")
			.isEqualTo(published.path("decisionNumber").asString());
		Audited.chained();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'CREDIT_EXPIRED' and object_id = ?")
			.param(kase.path("party").path("uscc").asString() + "#" + id).query(Integer.class).single())
			.as("left the list once").isEqualTo(1);
	}

	private static String state(Api api, long id) {
		return api.get("/api/v1/credit/entries/" + id).json().path("state").asString();
	}
}
