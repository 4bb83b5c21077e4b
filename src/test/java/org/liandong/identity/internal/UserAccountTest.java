package org.liandong.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.liandong.identity.Role;
import org.liandong.identity.RolesChanged;
import org.liandong.platform.DomainException;

/** R1.3 and the separation of administrator duties (X1): one account, at most one administrator duty. */
class UserAccountTest {

	private final UserAccount account = new UserAccount("xinhua.test", "测试", 1L, "hash", true, null, null, null, null,
			Instant.EPOCH);

	@Test
	void a_business_user_may_hold_several_business_roles() {
		RolesChanged changed = account.changeRoles(EnumSet.of(Role.ENFORCER, Role.LIAISON));

		assertThat(account.roles()).containsExactlyInAnyOrder(Role.ENFORCER, Role.LIAISON);
		assertThat(changed.before()).isEmpty();
		assertThat(changed.after()).containsExactlyInAnyOrder(Role.ENFORCER, Role.LIAISON);
	}

	@Test
	void no_account_holds_two_administrator_duties() {
		assertThatThrownBy(() -> account.changeRoles(EnumSet.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("须由不同账户分别担任");
		assertThat(account.roles()).isEmpty();
	}

	@Test
	void an_administrator_holds_no_business_role() {
		assertThatThrownBy(() -> account.changeRoles(EnumSet.of(Role.SYSTEM_ADMIN, Role.ENFORCER)))
			.isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo("separation-of-duties");
	}

	@Test
	void the_role_change_event_describes_before_and_after_in_chinese() {
		account.changeRoles(EnumSet.of(Role.ENFORCER));

		RolesChanged changed = account.changeRoles(EnumSet.of(Role.LIAISON));

		assertThat(changed.auditDetail()).isEqualTo("角色由［执法人员］改为［信息联络员］");
	}
}
