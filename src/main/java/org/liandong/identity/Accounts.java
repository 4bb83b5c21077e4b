package org.liandong.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** User accounts, their roles and the liaison roster (R1.3, R1.4). */
public interface Accounts {

	/** Creates an account (system administrator); it has no role until the security administrator grants one. */
	AccountSummary create(@Valid NewUserAccount account);

	Page<AccountSummary> list(String keyword, String agencyCode, Pageable pageable);

	AccountSummary find(String username);

	/** Replaces the roles of an account (security administrator); {@code version} is the one the administrator saw. */
	AccountSummary changeRoles(String username,
			@NotNull(message = "请提供角色列表") Set<@NotNull(message = "角色不能为空") Role> roles,
			@NotNull(message = "请提供账户的版本号（version），以免覆盖他人的修改") Long version);

	/** Lifts a lockout caused by failed sign-ins (security administrator). */
	AccountSummary unlock(String username);

	Page<LiaisonEntry> liaisons(String keyword, Pageable pageable);

	/** The liaisons of the given agencies (R1.4), for the contact another bureau needs (issue 22). */
	List<LiaisonEntry> liaisonsOf(Collection<String> agencyCodes);

	/**
	 * The enabled accounts of an agency that hold a business role (no administrator), with how they are
	 * reached, for the channels that carry its messages (issue 23).
	 */
	List<AccountContact> contacts(String agencyCode);

	/** A person replaces their own password, giving the current one; ends a forced change at first sign-in. */
	void changeOwnPassword(String username, @Valid PasswordChange change);
}
