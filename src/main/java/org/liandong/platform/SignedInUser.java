package org.liandong.platform;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person behind the current request: who they are, which agency they act for and which
 * roles they hold (R1.3). Every module reads the actor from here, so an action is always
 * attributed to a person and an agency.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

	// kept in the session table (Spring Session JDBC): instances of two releases read each other's sessions
	private static final long serialVersionUID = 1L;

	private final long id;
	private final String username;
	private final String displayName;
	private final String agencyCode;
	private final String agencyName;
	private final String divisionCode;
	private final Set<String> roles;
	private final boolean locked;
	private final boolean enabled;
	private final boolean mustChangePassword;
	private String passwordHash;

	public SignedInUser(long id, String username, String displayName, String agencyCode, String agencyName,
			String divisionCode, Set<String> roles, String passwordHash, boolean locked, boolean enabled,
			boolean mustChangePassword) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.agencyCode = agencyCode;
		this.agencyName = agencyName;
		this.divisionCode = divisionCode;
		this.roles = Set.copyOf(roles);
		this.passwordHash = passwordHash;
		this.locked = locked;
		this.enabled = enabled;
		this.mustChangePassword = mustChangePassword;
	}

	/** The signed-in user of this thread's request, if any. */
	public static Optional<SignedInUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public long id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public String agencyCode() {
		return agencyCode;
	}

	public String agencyName() {
		return agencyName;
	}

	public String divisionCode() {
		return divisionCode;
	}

	/** Role codes such as {@code ENFORCER}; the authorities carry the {@code ROLE_} prefix. */
	public Set<String> roles() {
		return roles;
	}

	/** An account created by an administrator: nothing but choosing a new password until that is done. */
	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	/** How records name the person who acted: 王志强（平顶山市新华区应急管理局）. */
	public String describe() {
		return displayName + "（" + agencyName + "）";
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInUser that && that.username.equals(username);
	}

	@Override
	public int hashCode() {
		return username.hashCode();
	}

	@Override
	public String toString() {
		return username + "@" + agencyCode;
	}
}
