package org.liandong.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own for a test that starts and stops the application itself: an H2 in-memory
 * database, or a new schema when the suite runs against PostgreSQL (spring.datasource.* set as
 * system properties by the postgres profile).
 */
public final class TestDatabases {

	private TestDatabases() {
	}

	public static String fresh() {
		String suite = System.getProperty("spring.datasource.url", "");
		if (!suite.startsWith("jdbc:postgresql:")) {
			return "jdbc:h2:mem:own-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		}
		// .ci/run drops these schemas before each PostgreSQL run
		String schema = "liandong_prod_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(suite, username(), password());
				Statement statement = connection.createStatement()) {
			statement.execute("create schema " + schema);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		return suite.replaceFirst("currentSchema=[^&,]*", "currentSchema=" + schema);
	}

	public static String username() {
		return System.getProperty("spring.datasource.username", "sa");
	}

	public static String password() {
		return System.getProperty("spring.datasource.password", "");
	}
}
