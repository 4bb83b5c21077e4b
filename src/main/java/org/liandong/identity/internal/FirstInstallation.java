package org.liandong.identity.internal;

import org.liandong.agency.Agencies;
import java.util.EnumSet;
import java.util.List;

import org.liandong.agency.AgencyKind;
import org.liandong.agency.DivisionLevel;
import org.liandong.agency.NewAgency;
import org.liandong.agency.NewDivision;
import org.liandong.identity.NewUserAccount;
import org.liandong.identity.Role;
import org.liandong.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new production installation starts with nobody to sign in. On an empty database this creates
 * the city's division, the city bureau and the three administrators (system, security, audit),
 * each with their own initial password from the environment; everything else is then entered by
 * the administrators. Without those settings the application refuses to start and says which are missing.
 */
@Component
@Profile("!demo")
class FirstInstallation implements ApplicationRunner {

	static final List<String> SETTINGS = List.of("LIANDONG_CITY_DIVISION_CODE", "LIANDONG_CITY_DIVISION_NAME",
			"LIANDONG_CITY_BUREAU_NAME", "LIANDONG_SYSADMIN_PASSWORD", "LIANDONG_SECADMIN_PASSWORD",
			"LIANDONG_AUDITOR_PASSWORD");

	private static final Logger log = LoggerFactory.getLogger(FirstInstallation.class);

	private final Agencies agencies;
	private final AccountService accounts;
	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final Environment environment;

	FirstInstallation(Agencies agencies, AccountService accounts, JdbcClient jdbc, PasswordEncoder passwords,
			Environment environment) {
		this.agencies = agencies;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.environment = environment;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from user_account").query(Integer.class).single() > 0) {
			return;
		}
		List<String> missing = SETTINGS.stream().filter(name -> isBlank(environment.getProperty(name))).toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("新安装的生产环境尚无任何账户，请设置环境变量 %s 后再启动"
				.formatted(String.join("、", missing)));
		}
		String city = setting("LIANDONG_CITY_DIVISION_CODE");
		agencies.registerDivision(new NewDivision(city, setting("LIANDONG_CITY_DIVISION_NAME"), DivisionLevel.CITY, null));
		String bureau = setting("LIANDONG_CITY_BUREAU_NAME");
		agencies.register(new NewAgency(city, bureau, bureau, AgencyKind.CITY_BUREAU, city, null));
		administrator("sysadmin", "系统管理员", city, "LIANDONG_SYSADMIN_PASSWORD", Role.SYSTEM_ADMIN);
		administrator("secadmin", "安全管理员", city, "LIANDONG_SECADMIN_PASSWORD", Role.SECURITY_ADMIN);
		administrator("auditor", "审计管理员", city, "LIANDONG_AUDITOR_PASSWORD", Role.AUDIT_ADMIN);
		log.info("新安装：已创建 {} 及系统、安全、审计三名管理员", bureau);
	}

	private void administrator(String username, String name, String agency, String passwordSetting, Role role) {
		String password = setting(passwordSetting);
		try {
			PasswordPolicy.check(password, username);
		}
		catch (DomainException weak) {
			throw new IllegalStateException(passwordSetting + "：" + weak.getMessage());
		}
		accounts.createWithRoles(new NewUserAccount(username, name, agency, password, name, null, null, null),
				passwords.encode(password), true, EnumSet.of(role));
	}

	private String setting(String name) {
		return environment.getProperty(name).trim();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}
}
