package org.liandong.oversight.internal.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.liandong.platform.ChineseTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The history shown on a city's dashboard, computed in the background and kept in
 * {@code city_dashboard_history} (issue 24). Over a province's ledger a city's three aggregates take
 * seconds each; computed per request, a few readers at once held every connection of the pool. Now one
 * instance at a time computes them ({@link LedgerSchedule}) with one connection, outside a transaction
 * (a long read holding a snapshot would keep PostgreSQL from cleaning up), and a request reads one row
 * and says as of when.
 */
@Component
class CityHistory {

	private static final Logger log = LoggerFactory.getLogger(CityHistory.class);

	private final JdbcClient jdbc;
	private final HistoryQueries queries;
	private final Agencies agencies;
	private final TransactionTemplate transactions;
	private final JsonMapper json;
	private final Clock clock;

	CityHistory(JdbcClient jdbc, HistoryQueries queries, Agencies agencies, TransactionTemplate transactions,
			JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.agencies = agencies;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/** The city's history as last computed; empty until the first computation after the installation. */
	Optional<LedgerHistory> of(String city) {
		return jdbc.sql("select figures from city_dashboard_history where city_agency = ?").param(city)
			.query(String.class).optional()
			.map(figures -> json.readValue(figures, LedgerHistory.class));
	}

	/** Computes every city's history anew, one city after another. */
	void refresh() {
		List<String> cities = agencies.all().stream().filter(a -> a.kind() == AgencyKind.CITY_BUREAU)
			.map(AgencySummary::cityCode).distinct().sorted().toList();
		for (String city : cities) {
			long started = System.nanoTime();
			LedgerHistory history = queries.ofCity(city, clock.instant());
			store(city, history);
			log.debug("History of city {} computed in {} ms", city, (System.nanoTime() - started) / 1_000_000);
		}
	}

	private void store(String city, LedgerHistory history) {
		String figures = json.writeValueAsString(history);
		transactions.executeWithoutResult(status -> {
			int updated = jdbc.sql("update city_dashboard_history set computed_at = ?, figures = ? where city_agency = ?")
				.params(ChineseTime.utc(history.asOf()), figures, city).update();
			if (updated == 0) {
				jdbc.sql("insert into city_dashboard_history (city_agency, computed_at, figures) values (?, ?, ?)")
					.params(city, ChineseTime.utc(history.asOf()), figures).update();
			}
		});
	}
}
