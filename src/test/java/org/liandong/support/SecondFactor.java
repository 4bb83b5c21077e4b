package org.liandong.support;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/**
 * One-time passwords for tests (issue 12), computed as an authenticator app computes them. The
 * demo administrators are bound to the published demo secret, so tests acting as them give the
 * current code. The application refuses a code whose 30-second step was already used; a test
 * suite signs in as the same administrator many times within one step, so {@link #freshCode}
 * first forgets, in the database of the application on that port, which step that account used
 * last. Tests of the replay refusal itself use {@link #code} and leave the database alone.
 */
@Component
public class SecondFactor {

	/** The secret of the demo administrators, published in the README. */
	public static final String DEMO_SECRET = "LIANDONGDEMOADMINTOTPSECRETABCDE";

	/** The accounts the demo data binds to {@link #DEMO_SECRET}. */
	public static final Set<String> DEMO_ADMINISTRATORS = Set.of("sysadmin", "secadmin", "auditor");

	private static final Map<Integer, JdbcClient> DATABASES = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;
	private final Environment environment;

	SecondFactor(JdbcClient jdbc, Environment environment) {
		this.jdbc = jdbc;
		this.environment = environment;
	}

	/** Remembers which database the application on this port uses. */
	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		Integer port = environment.getProperty("local.server.port", Integer.class);
		if (port != null) {
			DATABASES.put(port, jdbc);
		}
	}

	/** The code of the secret now. */
	public static String code(String secret) {
		return codeAt(secret, Instant.now());
	}

	public static String codeAt(String secret, Instant at) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, at.getEpochSecond() / 30);
		}
		catch (CodeGenerationException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The code of the secret now, after the account's last used step is forgotten by the application on the port. */
	public static String freshCode(int port, String username, String secret) {
		JdbcClient database = DATABASES.get(port);
		if (database != null) {
			database.sql("""
					update two_factor set last_used_step = null
					where user_account_id = (select id from user_account where username = ?)""")
				.param(username)
				.update();
		}
		return code(secret);
	}
}
