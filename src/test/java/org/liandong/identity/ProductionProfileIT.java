package org.liandong.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liandong.LiandongApplication;
import org.liandong.support.Api;
import org.liandong.support.ProductionInstallation;
import org.liandong.support.SecondFactor;
import org.liandong.support.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The prod profile: no demo data, no demo secrets, and a first installation that creates only the
 * three administrators. Each case starts the real application on a database of its own: an H2
 * in-memory database, or a new schema when the suite runs against PostgreSQL.
 */
class ProductionProfileIT {

	@Test
	void refuses_to_start_with_the_demo_master_key() {
		Map<String, Object> settings = production(TestDatabases.fresh());
		settings.put("LIANDONG_MASTER_KEY", "liandong-demo-master-key-do-not-use-in-production");

		assertThatThrownBy(() -> start(settings)).hasStackTraceContaining("不得使用演示主密钥");
	}

	/** Issue 19: the audit chain's checkpoints are signed with a key held outside the database. */
	@Test
	void refuses_to_start_without_the_audit_signing_key() {
		Map<String, Object> settings = production(TestDatabases.fresh());
		settings.remove("LIANDONG_AUDIT_SIGNING_KEY");

		assertThatThrownBy(() -> start(settings)).hasStackTraceContaining("未设置审计签名私钥")
			.hasStackTraceContaining("LIANDONG_AUDIT_SIGNING_KEY");
	}

	@Test
	void refuses_to_start_with_the_demo_audit_signing_key() {
		Map<String, Object> settings = production(TestDatabases.fresh());
		settings.put("LIANDONG_AUDIT_SIGNING_KEY", "6e853df22d87ad4dab87dce57c8efa583a970124faa42268aa457ab1fb08384a");

		assertThatThrownBy(() -> start(settings)).hasStackTraceContaining("不得使用演示审计签名私钥");
	}

	@Test
	void refuses_to_start_while_demo_accounts_keep_the_demo_password() {
		String database = TestDatabases.fresh();
		try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(LiandongApplication.class)
			.run(arguments(Map.of("spring.datasource.url", database, "spring.datasource.username", TestDatabases.username(),
					"spring.datasource.password", TestDatabases.password(), "server.port", "0", "spring.main.banner-mode", "off",
					"liandong.demo.history.enabled", "false", "liandong.demo.sign-off", "false",
					"liandong.audit.checkpoint-file", "target/audit-checkpoints/demo-" + System.nanoTime() + ".jsonl")))) {
			assertThat(demo.isRunning()).isTrue();
		}

		assertThatThrownBy(() -> start(production(database))).hasStackTraceContaining("演示账户")
			.hasStackTraceContaining("xinhua.enforcer");
	}

	/** Issue 12: the demo administrators' published one-time-password secret must not reach production. */
	@Test
	void refuses_to_start_while_an_account_keeps_the_demo_second_factor_secret() {
		String database = TestDatabases.fresh();
		try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(LiandongApplication.class)
			.run(arguments(Map.of("spring.datasource.url", database, "spring.datasource.username", TestDatabases.username(),
					"spring.datasource.password", TestDatabases.password(), "server.port", "0", "spring.main.banner-mode", "off",
					"liandong.security.master-key", ProductionInstallation.MASTER_KEY,
					"liandong.demo.history.enabled", "false", "liandong.demo.sign-off", "false",
					"liandong.audit.checkpoint-file", "target/audit-checkpoints/demo-" + System.nanoTime() + ".jsonl")))) {
			// every demo password changed: only the demo secret remains
			demo.getBean(JdbcClient.class).sql("update user_account set password_hash = '{noop}Geng#Gai2026'").update();
		}

		assertThatThrownBy(() -> start(production(database))).hasStackTraceContaining("演示动态口令")
			.hasStackTraceContaining("sysadmin");
	}

	@Test
	void a_new_installation_without_administrator_settings_says_what_is_missing() {
		Map<String, Object> settings = production(TestDatabases.fresh());
		settings.remove("LIANDONG_AUDITOR_PASSWORD");

		assertThatThrownBy(() -> start(settings)).hasStackTraceContaining("LIANDONG_AUDITOR_PASSWORD");
	}

	@Test
	void a_new_installation_creates_the_city_bureau_and_three_administrators_only() {
		try (ConfigurableApplicationContext app = start(production(TestDatabases.fresh()))) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			Api initial = Api.at(port).as("sysadmin", "Xitong#Guanli1");
			assertThat(initial.get("/api/v1/me").json().path("agency").path("name").asString())
				.isEqualTo("某市应急管理局");
			assertThat(initial.get("/api/v1/agencies").problemCode())
				.as("the password from the environment must be replaced first").isEqualTo("password-change-required");
			assertThat(initial.put("/api/v1/me/password", """
					{"currentPassword": "Xitong#Guanli1", "newPassword": "Xitong#Benren9"}""").status()).isEqualTo(204);
			Api withoutSecondFactor = Api.at(port).as("sysadmin", "Xitong#Benren9").withoutOtp();
			assertThat(withoutSecondFactor.get("/api/v1/agencies").problemCode())
				.as("administrators must bind a second factor (issue 12)").isEqualTo("two-factor-enrolment-required");
			String secret = withoutSecondFactor.post("/api/v1/me/two-factor/enrolment", "").json().path("secret").asString()
				.replace(" ", "");
			assertThat(withoutSecondFactor.post("/api/v1/me/two-factor/confirmation",
					"{\"code\": \"%s\"}".formatted(SecondFactor.code(secret))).json().path("recoveryCodes").size())
				.isEqualTo(10);
			Api sysadmin = withoutSecondFactor.withOtpSecret(secret);

			assertThat(sysadmin.get("/api/v1/agencies").json().path("totalElements").asLong()).isEqualTo(1);
			assertThat(sysadmin.get("/api/v1/users").json().path("content").findValuesAsString("username"))
				.containsExactly("auditor", "secadmin", "sysadmin");
			assertThat(Api.at(port).as("xinhua.enforcer", "Liandong@2026").get("/api/v1/me").status()).isEqualTo(401);
		}
	}

	private static ConfigurableApplicationContext start(Map<String, Object> settings) {
		return ProductionInstallation.start(settings);
	}

	private static String[] arguments(Map<String, ?> settings) {
		return ProductionInstallation.arguments(settings);
	}

	private static Map<String, Object> production(String database) {
		return ProductionInstallation.settings(database);
	}
}
