package org.liandong.support;

import java.util.HashMap;
import java.util.Map;

import org.liandong.LiandongApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application in the prod profile on a database of its own, started by a test the way an
 * installation is: with its settings as command-line arguments.
 */
public final class ProductionInstallation {

	public static final String MASTER_KEY = "a-production-master-key-0123456789";

	/** An SM2 private key for the audit checkpoints of production tests; not the demo's. */
	public static final String AUDIT_SIGNING_KEY = "59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21";

	private ProductionInstallation() {
	}

	/** The environment of a new installation on {@code database}, as the README lists it. */
	public static Map<String, Object> settings(String database) {
		Map<String, Object> settings = new HashMap<>();
		settings.put("LIANDONG_DB_URL", database);
		settings.put("LIANDONG_DB_USERNAME", TestDatabases.username());
		settings.put("LIANDONG_DB_PASSWORD", TestDatabases.password());
		// the PostgreSQL run of the suite sets spring.datasource.* as system properties; these win over them
		settings.put("spring.datasource.url", database);
		settings.put("spring.datasource.username", TestDatabases.username());
		settings.put("spring.datasource.password", TestDatabases.password());
		settings.put("LIANDONG_MASTER_KEY", MASTER_KEY);
		settings.put("LIANDONG_AUDIT_SIGNING_KEY", AUDIT_SIGNING_KEY);
		settings.put("LIANDONG_AUDIT_CHECKPOINT_FILE", "target/audit-checkpoints/production-" + System.nanoTime() + ".jsonl");
		settings.put("LIANDONG_PORT", "0");
		settings.put("LIANDONG_CITY_DIVISION_CODE", "419900");
		settings.put("LIANDONG_CITY_DIVISION_NAME", "某市");
		settings.put("LIANDONG_CITY_BUREAU_NAME", "某市应急管理局");
		settings.put("LIANDONG_SYSADMIN_PASSWORD", "Xitong#Guanli1");
		settings.put("LIANDONG_SECADMIN_PASSWORD", "Anquan#Guanli2");
		settings.put("LIANDONG_AUDITOR_PASSWORD", "Shenji#Guanli3");
		settings.put("spring.main.banner-mode", "off");
		return settings;
	}

	@SafeVarargs
	public static ConfigurableApplicationContext start(Map<String, Object> settings,
			ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
		return new SpringApplicationBuilder(LiandongApplication.class).profiles("prod")
			.initializers(initializers)
			.run(arguments(settings));
	}

	/** Command-line arguments win over application.yml and system properties, as real settings would. */
	public static String[] arguments(Map<String, ?> settings) {
		return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}
}
