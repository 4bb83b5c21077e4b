package org.liandong.identity;

import java.util.Set;
import java.util.stream.Collectors;

/** The roles of an account were replaced: a permission change, always audited. */
public record RolesChanged(String username, Set<Role> before, Set<Role> after) implements AccountEvent {

	@Override
	public String auditAction() {
		return "ROLES_CHANGED";
	}

	@Override
	public String auditDetail() {
		return "角色由［%s］改为［%s］".formatted(labels(before), labels(after));
	}

	private static String labels(Set<Role> roles) {
		return roles.stream().sorted().map(Role::label).collect(Collectors.joining("、"));
	}
}
