package org.liandong.generator.demo;

import java.time.Duration;
import java.time.Instant;

import org.liandong.assistance.AssistanceRequests;
import org.liandong.assistance.MajorCases;
import org.liandong.calendar.WorkingCalendar;
import org.liandong.cases.Cases;
import org.liandong.credit.CreditList;
import org.liandong.inbox.Inbox;
import org.liandong.operations.JointOperations;
import org.liandong.instruments.Instruments;
import org.liandong.meetings.Meetings;
import org.liandong.oversight.Accountability;
import org.liandong.oversight.Inspections;
import org.liandong.sharing.Sharing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of the city's collaboration for the demo installation (issue 20), so that a newcomer sees
 * what the platform is for: cases and assistance requests in every state, a major case designated,
 * an agreement and a memorandum in force, the dishonest-party list, two joint meetings, a year of
 * monthly reports and two bulletins, inspections and an accountability record, a finished joint
 * enforcement operation and a running one (issue 22), spread over the last twelve months. Every record is made by the demo accounts through the modules' own services at the
 * instant it would have been made ({@link DemoClock}), so numbers, letters, deadlines, obligations,
 * histories, inbox messages and the audit trail agree with each other; what arrived before the last
 * two weeks has been read ({@link Reading}). What was overdue then is found overdue by the deadline watches
 * once the application runs, and escalated. The watches run on the real clock from a minute after
 * start; should the year take longer than that, a watch may see a deadline passed that the year
 * then meets in time: the request is marked overdue though its obligation counts as met on time.
 *
 * Runs once, after the demo accounts ({@code DemoData}), on a database without history; in the demo
 * profile with {@code liandong.demo.history.enabled} only (the tests start empty).
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "liandong.demo.history.enabled", havingValue = "true")
@Order(10)
class DemoYear implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoYear.class);

	private final DemoClock clock;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Cast cast;
	private final WorkingCalendar calendar;
	private final Cases cases;
	private final AssistanceRequests requests;
	private final MajorCases majorCases;
	private final CreditList credit;
	private final Instruments instruments;
	private final Meetings meetings;
	private final Sharing sharing;
	private final Inspections inspections;
	private final Accountability accountability;
	private final Inbox inbox;
	private final JointOperations operations;

	DemoYear(DemoClock clock, JdbcClient jdbc, TransactionTemplate transactions, UserDetailsService accounts,
			WorkingCalendar calendar, Cases cases, AssistanceRequests requests, MajorCases majorCases, CreditList credit,
			Instruments instruments, Meetings meetings, Sharing sharing, Inspections inspections,
			Accountability accountability, Inbox inbox, JointOperations operations) {
		this.operations = operations;
		this.clock = clock;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.cast = new Cast(accounts);
		this.calendar = calendar;
		this.cases = cases;
		this.requests = requests;
		this.majorCases = majorCases;
		this.credit = credit;
		this.instruments = instruments;
		this.meetings = meetings;
		this.sharing = sharing;
		this.inspections = inspections;
		this.accountability = accountability;
		this.inbox = inbox;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!empty()) {
			return;
		}
		Instant started = Instant.now();
		Agenda agenda = new Agenda(calendar, started.minus(Duration.ofMinutes(5)));
		AssistanceWork assistance = new AssistanceWork(cases, requests, agenda);
		assistance.plan();
		new MajorCaseWork(cases, majorCases, credit, agenda).plan();
		new InstrumentWork(instruments, agenda).plan();
		new MeetingWork(meetings, agenda).plan();
		new SharingWork(sharing, agenda).plan();
		new OversightWork(inspections, accountability, agenda).plan();
		new OperationWork(operations, agenda).plan();
		agenda.run(clock, cast, transactions);
		int read = new Reading(inbox, cast, clock, transactions).readBefore(started);
		log.info("演示数据：生成近一年的协作记录（{} 件协查案件等），完成 {} 项操作，{} 项未能完成，{} 项留待以后，已读两周前的消息 {} 条，用时 {} 毫秒",
				assistance.planned(), agenda.done(), agenda.failed(), agenda.later(), read,
				Duration.between(started, Instant.now()).toMillis());
	}

	/** Whether the demo has no history yet: no case, no agreement, no meeting, no report schedule. */
	private boolean empty() {
		return jdbc.sql("""
				select (select count(*) from enforcement_case) + (select count(*) from instrument)
				    + (select count(*) from meeting) + (select count(*) from report_schedule)""")
			.query(Long.class).single() == 0;
	}
}
