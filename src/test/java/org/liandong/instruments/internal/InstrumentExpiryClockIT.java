package org.liandong.instruments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.liandong.agency.Agencies;
import org.liandong.platform.ReferenceData;
import org.liandong.support.Api;
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
 * R3.1, R4.1 with the clock driven by the test (issue 21): an agreement in force stays in force
 * up to its last day and expires by itself once that day has passed, once however often the
 * hourly job runs.
 */
@LiandongIntegrationTest
class InstrumentExpiryClockIT {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	Agencies agencies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ReferenceData referenceData;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void an_agreement_expires_by_itself_after_its_last_day() {
		Api lushan = Api.at(port).as("lushan.enforcer", PASSWORD);
		Api jiaxian = Api.at(port).as("jiaxian.enforcer", PASSWORD);
		LocalDate until = LocalDate.now(BEIJING).plusDays(30);
		JsonNode drafted = lushan.post("/api/v1/instruments", """
				{"kind": "AGREEMENT", "title": "%s", "scope": "双方辖区内安全生产行政执法",
				 "text": "第一条 双方互相协助调查。", "partyCodes": ["410425"],
				 "effectiveFrom": "%s", "effectiveUntil": "%s", "acceptWorkingDays": 2, "answerWorkingDays": 10}"""
			.formatted(Fixtures.unique("到期测试协议"), LocalDate.now(BEIJING).minusDays(1), until)).json();
		long id = drafted.path("id").asLong();
		lushan.post("/api/v1/instruments/" + id + "/submit", "{}");
		lushan.post("/api/v1/instruments/" + id + "/sign", "{}");
		assertThat(jiaxian.post("/api/v1/instruments/" + id + "/sign", "{}").json().path("state").asString())
			.isEqualTo("IN_FORCE");

		MovableClock clock = new MovableClock(until.atTime(23, 0).atZone(BEIJING).toInstant());
		InstrumentExpiry expiry = new InstrumentExpiry(new InstrumentRecords(agencies, jdbc, events, clock, referenceData), jdbc,
				transactions);
		expiry.expire();
		assertThat(state(lushan, id)).as("on its last day").isEqualTo("IN_FORCE");

		clock.advance(Duration.ofHours(2));
		expiry.expire();
		expiry.expire();
		assertThat(state(lushan, id)).as("the day after").isEqualTo("EXPIRED");
		Audited.chained();
		assertThat(jdbc.sql("select count(*) from audit_record where object_type = 'instrument' and object_id = ? "
				+ "and action like '%EXPIRED'").param("#" + id).query(Integer.class).single())
			.as("expired once").isEqualTo(1);
	}

	private static String state(Api api, long id) {
		return api.get("/api/v1/instruments/" + id).json().path("state").asString();
	}
}
