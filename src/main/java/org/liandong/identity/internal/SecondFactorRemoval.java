package org.liandong.identity.internal;

import org.liandong.identity.SecondFactorDisabled;
import org.liandong.identity.SecondFactorReset;
import org.liandong.identity.internal.SecondFactorRecords.Account;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Taking a second factor away (issue 12, L3-CES1-04): the person switches it off with a current
 * code where the roles allow, or the security administrator resets another person's (lost phone),
 * who then binds anew at the next sign-in. Runs in the transaction of the {@link TwoFactorService}
 * method that calls it.
 */
@Component
record SecondFactorRemoval(JdbcClient jdbc, ApplicationEventPublisher events, SecondFactorRecords records,
		OneTimePasswords passwords) {

	/** Switches the second factor off, given a current code; refused where the person's roles require it. */
	void disable(String username, String code) {
		Account account = records.account(username);
		if (records.mandatory(account.id())) {
			throw DomainException.forbidden("two-factor-mandatory",
					"您的角色按安全策略必须使用动态口令，不能关闭；如更换手机，请联系安全管理员重置");
		}
		passwords.requireCurrent(account, code);
		records.remove(account.id());
		events.publishEvent(new SecondFactorDisabled(username));
	}

	/** The security administrator removes another account's second factor. */
	void reset(String username) {
		Account account = records.account(username);
		if (SignedInUser.current().map(user -> user.getUsername().equals(username)).orElse(false)) {
			throw DomainException.forbidden("two-factor-own-reset",
					"不能重置本人的动态口令：请使用恢复码登录后重新绑定，或由另一位安全管理员办理");
		}
		if (jdbc.sql("select count(*) from two_factor where user_account_id = ?").param(account.id()).query(Integer.class)
			.single() == 0) {
			throw DomainException.conflict("two-factor-not-enrolled", "账户 %s 尚未绑定动态口令，无需重置".formatted(username));
		}
		records.remove(account.id());
		events.publishEvent(new SecondFactorReset(username));
	}
}
