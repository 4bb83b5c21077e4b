package org.liandong.sharing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencyKind;
import org.liandong.agency.AgencySummary;
import org.springframework.stereotype.Component;

/**
 * What the use cases of information sharing (R6) read alike: the county bureaus of a city, who
 * report and acknowledge; the agencies' names; instants of the tables. Runs in the transaction of
 * the {@link SharingService} method that calls it.
 */
@Component
record SharingRecords(Agencies agencies) {

	/** The county bureaus of a city: who reports and acknowledges. */
	List<String> bureaus(String city) {
		return agencies.all().stream().filter(a -> a.kind() == AgencyKind.COUNTY_BUREAU && city.equals(a.parentCode()))
			.map(AgencySummary::code).toList();
	}

	String cityOf(AgencySummary agency) {
		return agency.cityCode();
	}

	Map<String, String> names() {
		Map<String, String> names = new HashMap<>();
		agencies.all().forEach(a -> names.put(a.code(), a.name()));
		return names;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
