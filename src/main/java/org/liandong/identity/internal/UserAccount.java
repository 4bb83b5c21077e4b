package org.liandong.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.liandong.identity.AccountUnlocked;
import org.liandong.identity.PasswordChanged;
import org.liandong.identity.Role;
import org.liandong.identity.RolesChanged;
import org.liandong.platform.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person's account in one agency (R1.3). Role changes go through {@link #changeRoles}, which
 * keeps the three administrator duties apart (separation of duties, X1).
 */
@Table("user_account")
class UserAccount {

	@Id
	private Long id;
	private String username;
	private String displayName;
	private Long agencyId;
	private String passwordHash;
	private boolean mustChangePassword;
	private String title;
	private String officePhone;
	private String mobileCipher;
	private String email;
	private int failedAttempts;
	private Instant lockedUntil;
	private boolean enabled;
	@Version
	private Integer version;
	private Instant createdAt;
	private Instant passwordChangedAt;
	@MappedCollection(idColumn = "user_account_id")
	private Set<RoleGrant> roles = new HashSet<>();

	UserAccount() {
	}

	UserAccount(String username, String displayName, Long agencyId, String passwordHash, boolean mustChangePassword,
			String title, String officePhone, String mobileCipher, String email, Instant createdAt) {
		this.username = username;
		this.displayName = displayName;
		this.agencyId = agencyId;
		this.passwordHash = passwordHash;
		this.mustChangePassword = mustChangePassword;
		this.title = title;
		this.officePhone = officePhone;
		this.mobileCipher = mobileCipher;
		this.email = email;
		this.enabled = true;
		this.createdAt = createdAt;
	}

	/** Replaces the roles; refuses a set that would give one person two administrator duties. */
	RolesChanged changeRoles(Set<Role> wanted) {
		Set<Role> admin = wanted.stream().filter(Role::isAdministrator).collect(Collectors.toSet());
		if (!admin.isEmpty() && wanted.size() > 1) {
			throw DomainException.invalid("separation-of-duties",
					"系统管理员、安全管理员、审计管理员须由不同账户分别担任，且不得兼任其他角色");
		}
		Set<Role> before = roles();
		roles = wanted.stream().map(RoleGrant::new).collect(Collectors.toCollection(HashSet::new));
		return new RolesChanged(username, before, roles());
	}

	PasswordChanged changePassword(String newHash, Instant at) {
		passwordHash = newHash;
		passwordChangedAt = at;
		mustChangePassword = false;
		return new PasswordChanged(username);
	}

	String passwordHash() {
		return passwordHash;
	}

	AccountUnlocked unlock() {
		failedAttempts = 0;
		lockedUntil = null;
		return new AccountUnlocked(username);
	}

	Set<Role> roles() {
		return roles.isEmpty() ? EnumSet.noneOf(Role.class)
				: roles.stream().map(RoleGrant::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	boolean checkVersion(Long expected) {
		return expected != null && expected.intValue() == version;
	}

	Long id() {
		return id;
	}

	String username() {
		return username;
	}

	String displayName() {
		return displayName;
	}

	Long agencyId() {
		return agencyId;
	}

	String title() {
		return title;
	}

	String officePhone() {
		return officePhone;
	}

	String mobileCipher() {
		return mobileCipher;
	}

	String email() {
		return email;
	}

	int failedAttempts() {
		return failedAttempts;
	}

	Instant lockedUntil() {
		return lockedUntil;
	}

	boolean enabled() {
		return enabled;
	}

	boolean mustChangePassword() {
		return mustChangePassword;
	}

	int version() {
		return version;
	}
}
