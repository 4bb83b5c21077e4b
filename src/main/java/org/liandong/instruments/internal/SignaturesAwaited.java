package org.liandong.instruments.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.liandong.calendar.WorkingCalendar;
import org.liandong.instruments.internal.InstrumentRecords.Row;
import org.liandong.platform.ObligationDue;
import org.liandong.platform.ObligationSettled;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Each party's obligation to sign the text offered for signature (R3.1, R7.1, issue 21), ten working
 * days by default ({@code liandong.instruments.sign-working-days}). A signature is given to one text,
 * so the obligation names the text's number: a new text ends the old ones unsigned and owes the new
 * one from every party.
 */
@Component
record SignaturesAwaited(InstrumentRecords records, WorkingCalendar calendar, ApplicationEventPublisher events,
		@Value("${liandong.instruments.sign-working-days:10}") int workingDays) {

	static final String SUBJECT_TYPE = "instrument";

	void offered(Row row, int textNumber, Instant at) {
		Instant due = calendar.endOfWorkingDays(at, workingDays);
		for (String party : records.parties(row.id())) {
			events.publishEvent(new ObligationDue(SUBJECT_TYPE, row.id(), "《%s》".formatted(row.title()),
					obligation(textNumber), party, due, "/instruments/" + row.id()));
		}
	}

	void signed(Row row, String party, Instant at) {
		for (String owed : List.of(obligation(row.currentVersion()), again(row.currentVersion()))) {
			events.publishEvent(new ObligationSettled(SUBJECT_TYPE, row.id(), owed, party, at, true));
		}
	}

	/** Signatures made void by a change other than the text (a memorandum's measures): those parties sign again. */
	void owedAgain(Row row, Collection<String> parties, Instant at) {
		Instant due = calendar.endOfWorkingDays(at, workingDays);
		for (String party : parties) {
			events.publishEvent(new ObligationDue(SUBJECT_TYPE, row.id(), "《%s》".formatted(row.title()),
					again(row.currentVersion()), party, due, "/instruments/" + row.id()));
		}
	}

	/** The text is no longer offered (revised, terminated): what was not signed is no longer owed. */
	void withdrawn(Row row, Instant at) {
		for (String party : records.parties(row.id())) {
			for (String owed : List.of(obligation(row.currentVersion()), again(row.currentVersion()))) {
				events.publishEvent(new ObligationSettled(SUBJECT_TYPE, row.id(), owed, party, at, false));
			}
		}
	}

	private static String obligation(int textNumber) {
		return "签署第 %d 稿".formatted(textNumber);
	}

	/** A separate obligation, so that signing again is owed even on the day the first signature was given. */
	private static String again(int textNumber) {
		return "惩戒措施变更后重新签署第 %d 稿".formatted(textNumber);
	}
}
