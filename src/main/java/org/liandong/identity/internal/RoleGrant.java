package org.liandong.identity.internal;

import org.liandong.identity.Role;
import org.springframework.data.relational.core.mapping.Table;

/** One role held by an account; part of the {@link UserAccount} aggregate. */
@Table("user_role")
record RoleGrant(Role role) {
}
