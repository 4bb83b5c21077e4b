package org.liandong.identity.internal;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Refuses to start any installation but the demo (the prod profile, or a mistyped one) that still
 * carries demo secrets: the demo master
 * key, any demo account whose password is still the published demo password, or any account bound
 * to the published demo one-time-password secret. Runs before the
 * web server opens its port.
 */
@Component
@Profile("!demo")
class ProductionSafety implements SmartInitializingSingleton {

	static final String DEMO_MASTER_KEY = "liandong-demo-master-key-do-not-use-in-production";

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final String masterKey;
	private final TwoFactorService twoFactor;

	ProductionSafety(JdbcClient jdbc, PasswordEncoder passwords,
			@Value("${liandong.security.master-key:}") String masterKey, TwoFactorService twoFactor) {
		this.twoFactor = twoFactor;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.masterKey = masterKey;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (DEMO_MASTER_KEY.equals(masterKey)) {
			throw new IllegalStateException("生产环境不得使用演示主密钥：请通过环境变量 LIANDONG_MASTER_KEY 设置新的主密钥");
		}
		List<String> demoAccounts = jdbc.sql("select username, password_hash from user_account where username in (:names)")
			.param("names", DemoData.usernames())
			.query((rs, n) -> passwords.matches(DemoData.PASSWORD, rs.getString("password_hash")) ? rs.getString("username")
					: null)
			.list()
			.stream()
			.filter(name -> name != null)
			.toList();
		if (!demoAccounts.isEmpty()) {
			throw new IllegalStateException("生产环境中仍有使用演示密码的演示账户 %s，拒绝启动：请删除这些账户或修改其密码"
				.formatted(String.join("、", demoAccounts)));
		}
		List<String> demoSecrets = twoFactor.accountsWithDemoSecret();
		if (!demoSecrets.isEmpty()) {
			throw new IllegalStateException("生产环境中账户 %s 仍绑定公开的演示动态口令密钥，拒绝启动：请由安全管理员重置其动态口令"
				.formatted(String.join("、", demoSecrets)));
		}
	}
}
