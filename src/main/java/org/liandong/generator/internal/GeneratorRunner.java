package org.liandong.generator.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.liandong.generator.Layout;
import org.liandong.generator.Progress;
import org.liandong.generator.ProvinceGenerator;
import org.liandong.generator.Sizes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The province data generator as a command of the application (issue 10), on PostgreSQL:
 *
 * <pre>
 * java -jar target/liandong-*.jar --spring.profiles.active=prod --liandong.generate.enabled=true \
 *      --liandong.generate.scale=1.0 [--liandong.generate.layout=province|city] [--liandong.generate.password=…]
 * </pre>
 *
 * Runs once the application is ready, so after the start-up runners (the first installation, or the
 * demo data in the demo profile: the benchmarks' layout on the demo's 平顶山市), prints its progress,
 * and ends the application when done unless {@code liandong.generate.exit=false}. Run it again after
 * an interruption: it continues where the last run stopped.
 */
@Component
@ConditionalOnProperty(name = "liandong.generate.enabled", havingValue = "true")
record GeneratorRunner(JdbcTemplate jdbc, PlatformTransactionManager transactions, PasswordEncoder passwords,
		Environment environment, ConfigurableApplicationContext context) {

	private static final Logger log = LoggerFactory.getLogger(GeneratorRunner.class);

	@EventListener(ApplicationReadyEvent.class)
	public void generate() {
		String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
		if (!"PostgreSQL".equals(product)) {
			throw new IllegalStateException("the province generator writes PostgreSQL statements; the database is " + product);
		}
		double scale = environment.getProperty("liandong.generate.scale", Double.class, 1.0);
		Layout layout = Layout.named(environment.getProperty("liandong.generate.layout", "province"));
		Sizes sizes = Sizes.scaled(scale);
		String password = environment.getProperty("liandong.generate.password");
		if (password == null || password.isBlank()) {
			byte[] random = new byte[12];
			new SecureRandom().nextBytes(random);
			password = "Gen@" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			System.out.printf("Generated accounts (g<code>.enforcer, .liaison, .leader, .legal) get the password %s%n",
					password);
		}
		System.out.printf("Generating layout %s at scale %s: %,d obligations, %,d cases, %,d list entries%n", layout.name(),
				scale, sizes.obligations(), sizes.cases(), sizes.creditEntries());
		ProvinceGenerator.Report report = new ProvinceGenerator(jdbc, transactions, layout, sizes,
				Progress.printing(System.out))
			.run(passwords.encode(password));
		System.out.printf("Done in %s: %d divisions, %d agencies, %d accounts added; %,d rows written%n",
				Progress.format(report.elapsed()), report.agencies().divisions(), report.agencies().agencies(),
				report.agencies().accounts(), report.written());
		report.phases()
			.forEach(p -> System.out.printf("  %-12s %,d → %,d rows in %d chunks, %s%n", p.name(), p.before(), p.after(),
					p.chunks(), Progress.format(p.elapsed())));
		if (environment.getProperty("liandong.generate.exit", Boolean.class, true)) {
			log.info("province generated; the application ends");
			int code = SpringApplication.exit(context, () -> 0);
			System.exit(code);
		}
	}
}
