package org.liandong.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.liandong.agency.Agencies;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R5.2 with the clock driven by the test (issue 21): a regular meeting every half year in
 * principle; five months after the last one the office hears nothing, seven months after it the
 * office is warned once in its inbox, however often the scan runs.
 */
@LiandongIntegrationTest
class RegularMeetingLapseClockIT {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	private static final String OFFICE = "410400.detachment";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Agencies agencies;

	@Autowired
	MeetingRecords records;

	@Autowired
	MeetingReplies replies;

	@Autowired
	Minutes minutes;

	@Autowired
	ActionItems actionItems;

	@Autowired
	WorkNorms norms;

	@Autowired
	MeetingAttendance attendance;

	@Test
	void the_office_is_warned_once_when_half_a_year_passes_without_a_regular_meeting() {
		LocalDate day = LocalDate.now(BEIJING).plusDays(7);
		Reply convened = Api.at(port).as("city.detachment", PASSWORD).post("/api/v1/meetings", """
				{"kind": "REGULAR", "title": "例会间隔测试", "agenda": "通报协作情况", "place": "市应急管理局三楼会议室",
				 "startsAt": "%sT09:00:00", "replyBy": "%s"}""".formatted(day, day.minusDays(2)));
		assertThat(convened.status()).as(convened.body()).isEqualTo(201);
		Instant held = day.atTime(9, 0).atZone(BEIJING).toInstant();
		String key = OFFICE + ":" + held;

		MovableClock clock = new MovableClock(held.atZone(BEIJING).plusMonths(5).toInstant());
		MeetingService meetings = new MeetingService(records, new MeetingConvening(jdbc, events, clock, records), replies,
				minutes, actionItems, norms, attendance);
		MeetingDeadlines deadlines = new MeetingDeadlines(jdbc, meetings, agencies, transactions, events, clock);

		// the lapse part of the scan only: the replies and action items of other tests' meetings stay as they are
		deadlines.warnOfLapses(clock.instant());
		assertThat(warnings(key)).as("five months after").isZero();

		clock.advance(Duration.ofDays(61));
		deadlines.warnOfLapses(clock.instant());
		deadlines.warnOfLapses(clock.instant());
		await().atMost(Duration.ofSeconds(10)).until(() -> warnings(key) == 1);
		assertThat(warnings(key)).as("seven months after, once").isEqualTo(1);
	}

	private int warnings(String key) {
		return jdbc.sql("select count(*) from inbox_message where source_type = 'meeting-lapse' and source_id = ?")
			.param(key).query(Integer.class).single();
	}
}
