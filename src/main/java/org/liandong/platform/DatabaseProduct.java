package org.liandong.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * The database the application runs on (PostgreSQL in production, H2 embedded), for the few
 * statements the two say differently.
 */
@Component
public class DatabaseProduct {

	private final boolean postgres;

	DatabaseProduct(DataSource dataSource) throws SQLException {
		this.postgres = postgres(dataSource);
	}

	public boolean postgres() {
		return postgres;
	}

	/**
	 * An update of {@code table} that answers {@code column} of the rows it changed, in one statement
	 * (PostgreSQL's {@code returning}, H2's data change delta table).
	 */
	public String updateReturning(String table, String set, String where, String column) {
		return postgres ? "update %s set %s where %s returning %s".formatted(table, set, where, column)
				: "select %s from final table (update %s set %s where %s)".formatted(column, table, set, where);
	}

	static boolean postgres(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
		}
	}
}
