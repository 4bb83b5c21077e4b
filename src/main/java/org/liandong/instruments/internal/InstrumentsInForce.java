package org.liandong.instruments.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.liandong.instruments.Commitment;
import org.liandong.instruments.MemorandumMeasure;
import org.liandong.platform.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the instruments in force bind their parties to, for the modules that apply it: an
 * agreement's deadlines for assistance between two agencies (R3.2) and each memorandum
 * signatory's measures (R4.1) for credit checks (R4.3). Runs in the facade's transaction. The
 * agreements in force are reference data (issue 18), held in memory and loaded again when an
 * instrument changes ({@link InstrumentRecords#publish}), on every instance; each sending of a request
 * asks for them.
 */
@Component
class InstrumentsInForce {

	static final String REFERENCE = "instrument";

	private final InstrumentRecords records;
	private final JdbcClient jdbc;
	private final ReferenceData.Cached<List<Agreement>> agreements;

	InstrumentsInForce(InstrumentRecords records, JdbcClient jdbc, ReferenceData referenceData) {
		this.records = records;
		this.jdbc = jdbc;
		this.agreements = referenceData.cache(REFERENCE, this::agreementsInForce);
	}

	/** An agreement in force that sets deadlines, its term and its parties. */
	private record Agreement(Commitment commitment, LocalDate from, LocalDate until, Instant inForceAt,
			Set<String> parties) {
	}

	/** The newest agreement in force today between the two agencies that sets deadlines. */
	Optional<Commitment> commitmentBetween(String agencyCode, String otherAgencyCode) {
		LocalDate today = records.today();
		return agreements.get().stream()
			.filter(a -> !a.from().isAfter(today) && !a.until().isBefore(today))
			.filter(a -> a.parties().contains(agencyCode) && a.parties().contains(otherAgencyCode))
			.max(Comparator.comparing(Agreement::inForceAt, Comparator.nullsFirst(Comparator.naturalOrder()))
				.thenComparing(a -> a.commitment().agreementId()))
			.map(Agreement::commitment);
	}

	private List<Agreement> agreementsInForce() {
		Map<Long, Set<String>> parties = new HashMap<>();
		jdbc.sql("""
				select p.instrument_id, p.agency from instrument_party p join instrument i on i.id = p.instrument_id
				where i.kind = 'AGREEMENT' and i.state = 'IN_FORCE'""")
			.query(rs -> {
				parties.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getString(2));
			});
		return jdbc.sql("""
				select i.id, i.title, i.accept_working_days, i.answer_working_days, i.effective_from, i.effective_until,
				       i.in_force_at
				from instrument i
				where i.kind = 'AGREEMENT' and i.state = 'IN_FORCE'
				and (i.accept_working_days is not null or i.answer_working_days is not null)""")
			.query((rs, n) -> new Agreement(
					new Commitment(rs.getLong("id"), rs.getString("title"), (Integer) rs.getObject("accept_working_days"),
							(Integer) rs.getObject("answer_working_days")),
					rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_until", LocalDate.class),
					InstrumentRecords.instant(rs, "in_force_at"), Set.copyOf(parties.getOrDefault(rs.getLong("id"), Set.of()))))
			.list();
	}

	List<MemorandumMeasure> measuresInForce() {
		LocalDate today = records.today();
		Map<String, String> names = records.names();
		return jdbc.sql("""
				select i.id, i.title, m.agency, m.measure from memorandum_measure m join instrument i on i.id = m.instrument_id
				where i.kind = 'MEMORANDUM' and i.state = 'IN_FORCE' and i.effective_from <= ? and i.effective_until >= ?
				order by i.id, m.agency, m.id""")
			.params(today, today)
			.query((rs, n) -> new MemorandumMeasure(rs.getLong("id"), rs.getString("title"), rs.getString("agency"),
					names.getOrDefault(rs.getString("agency"), rs.getString("agency")), rs.getString("measure")))
			.list();
	}
}
