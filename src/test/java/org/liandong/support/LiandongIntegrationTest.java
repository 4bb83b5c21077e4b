package org.liandong.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with the demo data, on H2 (or on PostgreSQL when the
 * CI passes {@code spring.datasource.*}). Tests talk to it over HTTP through {@link Api}. One
 * context for all of them: {@link StatementCounts} is part of it, counting only when a test asks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@Import({ ObligationEvents.class, StatementCounts.Configuration.class, Audited.Registration.class })
public @interface LiandongIntegrationTest {

	/** The password of every demo account. */
	String DEMO_PASSWORD = "Liandong@2026";
}
