package org.liandong.instruments.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.liandong.instruments.Commitment;
import org.liandong.instruments.MemorandumMeasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the instruments in force bind their parties to, for the modules that apply it: an
 * agreement's deadlines for assistance between two agencies (R3.2) and each memorandum
 * signatory's measures (R4.1) for credit checks (R4.3). Runs in the facade's transaction.
 */
@Component
record InstrumentsInForce(InstrumentRecords records, JdbcClient jdbc) {

	Optional<Commitment> commitmentBetween(String agencyCode, String otherAgencyCode) {
		LocalDate today = records.today();
		return jdbc.sql("""
				select i.id, i.title, i.accept_working_days, i.answer_working_days from instrument i
				where i.kind = 'AGREEMENT' and i.state = 'IN_FORCE' and i.effective_from <= ? and i.effective_until >= ?
				and (i.accept_working_days is not null or i.answer_working_days is not null)
				and exists (select 1 from instrument_party p where p.instrument_id = i.id and p.agency = ?)
				and exists (select 1 from instrument_party p where p.instrument_id = i.id and p.agency = ?)
				order by i.in_force_at desc, i.id desc limit 1""")
			.params(today, today, agencyCode, otherAgencyCode)
			.query((rs, n) -> new Commitment(rs.getLong("id"), rs.getString("title"),
					(Integer) rs.getObject("accept_working_days"), (Integer) rs.getObject("answer_working_days")))
			.optional();
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
