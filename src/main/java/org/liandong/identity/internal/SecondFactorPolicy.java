package org.liandong.identity.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.liandong.identity.Role;
import org.liandong.identity.SecondFactorPolicyChanged;
import org.liandong.identity.SecondFactorRule;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The security administrator's policy of the roles that must use a second factor (issue 12,
 * L3-CES1-04); the three administrators always must. Runs in the transaction of the
 * {@link TwoFactorService} method that calls it.
 */
@Component
record SecondFactorPolicy(JdbcClient jdbc, ApplicationEventPublisher events, SecondFactorRecords records) {

	List<SecondFactorRule> rules() {
		List<SecondFactorRule> rules = new ArrayList<>();
		for (Role role : Role.values()) {
			rules.add(jdbc.sql("select mandatory, changed_at, changed_by from two_factor_policy where role = ?")
				.param(role.name())
				.query((rs, n) -> {
					OffsetDateTime changed = rs.getObject("changed_at", OffsetDateTime.class);
					return new SecondFactorRule(role, role.label(), rs.getBoolean("mandatory"),
							changed == null ? null : changed.toInstant(), rs.getString("changed_by"));
				})
				.optional()
				.orElse(new SecondFactorRule(role, role.label(), false, null, null)));
		}
		return rules;
	}

	/** Makes the second factor mandatory, or optional, for a role. */
	SecondFactorRule change(Role role, boolean mandatory) {
		if (role == null) {
			throw DomainException.invalid("role-required", "请指定角色");
		}
		if (role.isAdministrator() && !mandatory) {
			throw DomainException.invalid("two-factor-administrators",
					"系统管理员、安全管理员、审计管理员必须使用动态口令（等级保护第三级身份鉴别要求），不能设为自愿");
		}
		String by = SignedInUser.current().map(SignedInUser::getUsername).orElse("system");
		int updated = jdbc.sql("update two_factor_policy set mandatory = ?, changed_at = ?, changed_by = ? where role = ?")
			.params(mandatory, records.now(), by, role.name())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into two_factor_policy (role, mandatory, changed_at, changed_by) values (?, ?, ?, ?)")
				.params(role.name(), mandatory, records.now(), by)
				.update();
		}
		events.publishEvent(new SecondFactorPolicyChanged(role, mandatory));
		return rules().stream().filter(rule -> rule.role() == role).findFirst().orElseThrow();
	}
}
