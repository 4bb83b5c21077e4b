package org.liandong.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.liandong.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.support.Api;
import org.liandong.support.Api.Reply;
import org.liandong.support.Fixtures;
import org.liandong.support.LiandongIntegrationTest;
import org.liandong.support.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The assistance scoreboard (issue 21, after IMI's): the requester rates each answer when
 * confirming, and each bureau's figures as the assisting party are counted as the page says. The
 * expected figures are counted by hand from four requests placed in 2019 (a year no other test
 * uses), on a calendar with that year's National Day holidays and adjusted working Sunday.
 */
@LiandongIntegrationTest
class AssistanceScoreboardIT {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingCalendar calendar;

	@Test
	void a_confirmation_carries_both_ratings_from_one_to_five_or_none() {
		Api xinhua = Api.at(port).as("xinhua.enforcer", PASSWORD);
		Api weidong = Api.at(port).as("weidong.enforcer", PASSWORD);
		long id = answered(xinhua, weidong, "410403");

		Reply tooHigh = act(xinhua, id, "{\"timeliness\": 6, \"quality\": 4}");
		assertThat(tooHigh.status()).isEqualTo(400);
		assertThat(tooHigh.detail()).isEqualTo("及时性评分应为 1 至 5 分");
		Reply half = act(xinhua, id, "{\"timeliness\": 4}");
		assertThat(half.status()).isEqualTo(400);
		assertThat(half.detail()).isEqualTo("评价协查答复，请同时给出及时性和质量两项评分");
		assertThat(xinhua.get("/api/v1/assistance-requests/" + id).json().path("state").asString())
			.as("nothing changed").isEqualTo("ANSWERED");

		JsonNode confirmed = act(xinhua, id, "{\"timeliness\": 4, \"quality\": 5}").json();
		assertThat(confirmed.path("state").asString()).isEqualTo("CONFIRMED");
		assertThat(confirmed.path("rating").path("timeliness").asInt()).isEqualTo(4);
		assertThat(confirmed.path("rating").path("quality").asInt()).isEqualTo(5);
		assertThat(weidong.get("/api/v1/assistance-requests/" + id).json().path("rating").path("quality").asInt())
			.as("the assisting bureau sees how its answer was rated").isEqualTo(5);
	}

	@Test
	void each_bureau_is_counted_as_the_page_says() {
		// 2019's National Day: 1-7 October off, Sunday 29 September worked
		jdbc.sql("delete from calendar_day where calendar_date between ? and ?")
			.params(LocalDate.of(2019, 9, 1), LocalDate.of(2019, 10, 31))
			.update();
		for (int day = 1; day <= 7; day++) {
			jdbc.sql("insert into calendar_day (calendar_date, kind, name) values (?, 'HOLIDAY', '国庆节')")
				.param(LocalDate.of(2019, 10, day))
				.update();
		}
		jdbc.sql("insert into calendar_day (calendar_date, kind, name) values (?, 'WORKDAY', '国庆节调休上班')")
			.param(LocalDate.of(2019, 9, 29))
			.update();
		// written behind the application's back: told as any writer tells it, then loaded within a second
		jdbc.sql("update reference_data set version = version + 1 where name = 'calendar'").update();
		await().atMost(Duration.ofSeconds(10)).until(() -> calendar.isWorkingDay(LocalDate.of(2019, 9, 29)));

		Api lushan = Api.at(port).as("lushan.enforcer", PASSWORD);
		Api jiaxian = Api.at(port).as("jiaxian.enforcer", PASSWORD);
		// 1: accepted in time, answered in time after 4 working days (30 Sep-9 Oct less the holidays, plus the Sunday)
		long inTime = answered(lushan, jiaxian, "410425");
		act(lushan, inTime, "{\"timeliness\": 5, \"quality\": 4}");
		place(inTime, at(2019, 9, 27, 10), at(2019, 10, 1, 0), at(2019, 9, 30, 9), at(2019, 10, 16, 0),
				at(2019, 10, 9, 10));
		// 2: accepted late, answered late after 15 working days (three full weeks and Monday 25 November)
		long late = answered(lushan, jiaxian, "410425");
		act(lushan, late, "{\"timeliness\": 2, \"quality\": 3}");
		place(late, at(2019, 11, 4, 9), at(2019, 11, 7, 0), at(2019, 11, 8, 9), at(2019, 11, 21, 0),
				at(2019, 11, 25, 16));
		// 3: never accepted, its acceptance period over
		long waiting = sent(lushan, "410425");
		place(waiting, at(2019, 12, 2, 9), at(2019, 12, 5, 0), null, at(2019, 12, 31, 0), null);
		// 4: returned: received, but neither accepted nor to be answered
		long returned = sent(lushan, "410425");
		assertThat(jiaxian.post("/api/v1/assistance-requests/" + returned + "/return",
				"{\"reason\": \"NOT_COMPETENT\", \"text\": \"该事项不属本局管辖。\"}").status()).isEqualTo(200);
		place(returned, at(2019, 12, 9, 9), at(2019, 12, 12, 0), null, at(2019, 12, 31, 0), null);

		Api city = Api.at(port).as("city.leader", PASSWORD);
		JsonNode scores = city.get("/api/v1/evaluations/2019/assistance").json();
		JsonNode jx = null;
		for (JsonNode score : scores) {
			if (score.path("agencyCode").asString().equals("410425")) {
				jx = score;
			}
		}
		assertThat(jx).as("Jiaxian's row").isNotNull();
		assertThat(jx.path("received").asLong()).isEqualTo(4);
		assertThat(jx.path("acceptDecided").asLong()).as("accepted, or waiting past the period; not the return")
			.isEqualTo(3);
		assertThat(jx.path("acceptedInTimeRate").asDouble()).isEqualTo(33.3);
		assertThat(jx.path("answered").asLong()).isEqualTo(2);
		assertThat(jx.path("averageWorkingDaysToAnswer").asDouble()).as("(4 + 15) / 2").isEqualTo(9.5);
		assertThat(jx.path("answerDecided").asLong()).isEqualTo(2);
		assertThat(jx.path("answeredInTimeRate").asDouble()).isEqualTo(50.0);
		assertThat(jx.path("rated").asLong()).isEqualTo(2);
		assertThat(jx.path("averageTimeliness").asDouble()).isEqualTo(3.5);
		assertThat(jx.path("averageQuality").asDouble()).isEqualTo(3.5);
		JsonNode other = null;
		for (JsonNode score : scores) {
			if (score.path("agencyCode").asString().equals("410423")) {
				other = score;
			}
		}
		assertThat(other.path("received").asLong()).isZero();
		assertThat(other.path("acceptedInTimeRate").isNull()).as("nothing to count is not 0% or 100%").isTrue();

		PageSession page = new PageSession(port);
		page.signIn("city.leader", PASSWORD);
		String html = page.get("/oversight/evaluations?year=2019").html();
		assertThat(html).contains("协查办理情况", "33.3%（1/3）", "9.5 个工作日（2 件）", "50.0%（1/2）",
				"及时性 3.5，质量 3.5（2 次，满分 5）", "无可统计事项");
	}

	private long answered(Api requester, Api assisting, String assistingCode) {
		long id = sent(requester, assistingCode);
		assertThat(assisting.post("/api/v1/assistance-requests/" + id + "/accept", "{}").status()).isEqualTo(200);
		assertThat(assisting.post("/api/v1/assistance-requests/" + id + "/answer", "{\"text\": \"经核查，情况属实。\"}")
			.status()).isEqualTo(200);
		return id;
	}

	private long sent(Api requester, String assistingCode) {
		long id = Fixtures.draftRequest(requester, assistingCode).path("id").asLong();
		assertThat(requester.post("/api/v1/assistance-requests/" + id + "/send", "{}").status()).isEqualTo(200);
		return id;
	}

	private static Reply act(Api requester, long id, String body) {
		return requester.post("/api/v1/assistance-requests/" + id + "/confirm", body);
	}

	/** Moves a request's clock readings to the given times, as if it had happened then. */
	private void place(long id, OffsetDateTime sent, OffsetDateTime acceptDue, OffsetDateTime accepted,
			OffsetDateTime answerDue, OffsetDateTime answered) {
		jdbc.sql("""
				update assistance_request set sent_at = ?, accept_due_at = ?, accepted_at = ?, answer_due_at = ?,
				       answered_at = ?
				where id = ?""")
			.params(sent, acceptDue, accepted, answerDue, answered, id)
			.update();
		jdbc.sql("update assistance_request set confirmed_at = ? where id = ? and confirmed_at is not null")
			.params(answered, id)
			.update();
	}

	private static OffsetDateTime at(int year, int month, int day, int hour) {
		return LocalDateTime.of(year, month, day, hour, 0).atZone(BEIJING).toOffsetDateTime();
	}
}
