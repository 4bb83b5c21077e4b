package org.liandong.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.liandong.identity.AccountContact;
import org.liandong.identity.AccountCreated;
import org.liandong.identity.AccountSummary;
import org.liandong.identity.Accounts;
import org.liandong.identity.LiaisonEntry;
import org.liandong.identity.NewUserAccount;
import org.liandong.identity.PasswordChange;
import org.liandong.identity.Role;
import org.liandong.identity.RolesChanged;
import org.liandong.platform.DomainException;
import org.liandong.platform.FieldCipher;
import org.liandong.platform.PagedQuery;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Accounts and roles (R1.3) and the liaison roster (R1.4). */
@Service
@Validated
@Transactional
class AccountService implements Accounts {

	private static final String SUMMARY_COLUMNS = """
			u.username, u.display_name, u.title, u.office_phone, u.mobile_cipher, u.email, u.enabled, u.locked_until,
			u.failed_attempts, u.must_change_password, u.version, a.code as agency_code, a.name as agency_name""";

	private static final String SUMMARY_FROM = "user_account u join agency a on a.id = u.agency_id";

	private final UserAccountRepository accounts;
	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final FieldCipher cipher;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AccountService(UserAccountRepository accounts, JdbcClient jdbc,
			PasswordEncoder passwords, FieldCipher cipher, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public AccountSummary create(NewUserAccount request) {
		String username = request.username().trim();
		if (accounts.existsByUsername(username)) {
			throw DomainException.conflict("duplicate-username", "用户名 %s 已被使用，请换一个用户名".formatted(username));
		}
		String agencyCode = request.agencyCode().trim();
		long agencyId = agencyId(agencyCode);
		PasswordPolicy.check(request.initialPassword(), username);
		accounts.save(new UserAccount(username, request.displayName().trim(), agencyId,
				passwords.encode(request.initialPassword()), true, blankToNull(request.title()),
				blankToNull(request.officePhone()), cipher.encrypt(blankToNull(request.mobile()), mobileContext(username)),
				blankToNull(request.email()), clock.instant()));
		events.publishEvent(new AccountCreated(username, request.displayName().trim(), agencyCode));
		return find(username);
	}

	/** Where a mobile number is sealed (issue 19): moved to another account, it no longer decrypts. */
	static String mobileContext(String username) {
		return "user_account.mobile_cipher:" + username;
	}

	/** The key of the agency's row, which an account refers to; the agency module owns the row. */
	private long agencyId(String code) {
		return jdbc.sql("select id from agency where code = ?")
			.param(code)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> DomainException.invalid("unknown-agency", "所属机构 %s 不存在".formatted(code)));
	}

	/** Creates an account with its roles at once; only for seeding a new installation or the demo. */
	void createWithRoles(NewUserAccount request, String passwordHash, boolean mustChangePassword, Set<Role> roles) {
		UserAccount account = new UserAccount(request.username(), request.displayName(), agencyId(request.agencyCode()),
				passwordHash,
				mustChangePassword, blankToNull(request.title()), blankToNull(request.officePhone()),
				cipher.encrypt(blankToNull(request.mobile()), mobileContext(request.username())), blankToNull(request.email()),
				clock.instant());
		RolesChanged granted = account.changeRoles(roles);
		accounts.save(account);
		events.publishEvent(new AccountCreated(request.username(), request.displayName(), request.agencyCode()));
		events.publishEvent(granted);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AccountSummary> list(String keyword, String agencyCode, Pageable pageable) {
		Page<AccountSummary> page = new PagedQuery(SUMMARY_COLUMNS, SUMMARY_FROM,
				Map.of("username", "u.username", "displayName", "u.display_name", "agencyCode", "a.code"),
				"u.username asc")
			.matching(keyword, "u.username", "u.display_name")
			.where("a.code = ?", agencyCode)
			.fetch(jdbc, pageable, (rs, n) -> summary(rs));
		return new PageImpl<>(withRoles(page.getContent()), page.getPageable(), page.getTotalElements());
	}

	@Override
	@Transactional(readOnly = true)
	public AccountSummary find(String username) {
		return jdbc.sql("select " + SUMMARY_COLUMNS + " from " + SUMMARY_FROM + " where u.username = ?")
			.param(username)
			.query((rs, n) -> summary(rs))
			.optional()
			.map(account -> withRoles(List.of(account)).get(0))
			.orElseThrow(() -> unknown(username));
	}

	@Override
	public AccountSummary changeRoles(String username, Set<Role> roles, Long version) {
		UserAccount account = load(username);
		SignedInUser.current().filter(me -> me.getUsername().equals(username)).ifPresent(me -> {
			throw DomainException.invalid("own-roles", "不能修改自己的角色，请由另一位安全管理员操作");
		});
		requireVersion(account, version);
		events.publishEvent(account.changeRoles(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles)));
		accounts.save(account);
		return find(username);
	}

	@Override
	public AccountSummary unlock(String username) {
		UserAccount account = load(username);
		events.publishEvent(account.unlock());
		accounts.save(account);
		return find(username);
	}

	@Override
	public void changeOwnPassword(String username, PasswordChange change) {
		UserAccount account = load(username);
		if (!passwords.matches(change.currentPassword(), account.passwordHash())) {
			throw DomainException.invalid("wrong-current-password", "当前密码不正确");
		}
		if (change.newPassword().equals(change.currentPassword())) {
			throw DomainException.invalid("password-unchanged", "新密码不能与当前密码相同");
		}
		PasswordPolicy.check(change.newPassword(), username);
		// the current password and the ones before it: none of the last five may come back
		List<String> earlier = jdbc.sql("""
				select password_hash from password_history where user_account_id = ?
				order by replaced_at desc, id desc""")
			.param(account.id())
			.query(String.class)
			.list();
		if (earlier.stream().limit(PasswordPolicy.HISTORY - 1).anyMatch(hash -> passwords.matches(change.newPassword(), hash))) {
			throw DomainException.invalid("password-reused",
					"新密码不能与最近 %d 次使用过的密码相同".formatted(PasswordPolicy.HISTORY));
		}
		jdbc.sql("insert into password_history (user_account_id, password_hash, replaced_at) values (?, ?, ?)")
			.params(account.id(), account.passwordHash(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
		jdbc.sql("""
				delete from password_history where user_account_id = ? and id not in (
				    select id from password_history where user_account_id = ? order by replaced_at desc, id desc limit ?)""")
			.params(account.id(), account.id(), PasswordPolicy.HISTORY)
			.update();
		events.publishEvent(account.changePassword(passwords.encode(change.newPassword()), clock.instant()));
		accounts.save(account);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<LiaisonEntry> liaisons(String keyword, Pageable pageable) {
		return new PagedQuery("""
				a.code as agency_code, a.name as agency_name, a.division_code, u.username, u.display_name, u.title,
				u.office_phone, u.mobile_cipher, u.email""",
				"user_account u join user_role r on r.user_account_id = u.id and r.role = 'LIAISON' "
						+ "join agency a on a.id = u.agency_id",
				Map.of("agencyCode", "a.code", "agencyName", "a.name", "displayName", "u.display_name"),
				"a.code asc, u.display_name asc")
			.where("u.enabled = ?", true)
			.matching(keyword, "a.name", "a.short_name", "a.code", "u.display_name")
			.fetch(jdbc, pageable, (rs, n) -> liaison(rs));
	}

	@Override
	@Transactional(readOnly = true)
	public List<LiaisonEntry> liaisonsOf(Collection<String> agencyCodes) {
		if (agencyCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select a.code as agency_code, a.name as agency_name, a.division_code, u.username, u.display_name, u.title,
				    u.office_phone, u.mobile_cipher, u.email
				from user_account u join user_role r on r.user_account_id = u.id and r.role = 'LIAISON'
				join agency a on a.id = u.agency_id
				where u.enabled = true and a.code in (:codes)
				order by a.code, u.display_name""")
			.param("codes", List.copyOf(agencyCodes))
			.query((rs, n) -> liaison(rs))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccountContact> contacts(String agencyCode) {
		return jdbc.sql("""
				select u.username, u.display_name, u.mobile_cipher, u.email from user_account u
				join agency a on a.id = u.agency_id
				where a.code = :agency and u.enabled = true
				  and exists (select 1 from user_role r where r.user_account_id = u.id and r.role in (:business))
				order by u.username""")
			.param("agency", agencyCode)
			.param("business", Arrays.stream(Role.values()).filter(role -> !role.isAdministrator()).map(Role::name).toList())
			.query((rs, n) -> new AccountContact(rs.getString("username"), rs.getString("display_name"), agencyCode,
					cipher.decrypt(rs.getString("mobile_cipher"), mobileContext(rs.getString("username"))),
					rs.getString("email")))
			.list();
	}

	private LiaisonEntry liaison(ResultSet rs) throws SQLException {
		return new LiaisonEntry(rs.getString("agency_code"), rs.getString("agency_name"), rs.getString("division_code"),
				rs.getString("display_name"), rs.getString("title"), rs.getString("office_phone"),
				cipher.decrypt(rs.getString("mobile_cipher"), mobileContext(rs.getString("username"))), rs.getString("email"));
	}

	private void requireVersion(UserAccount account, Long version) {
		if (!account.checkVersion(version)) {
			throw DomainException.conflict("stale-edit", "账户 %s 已被他人修改，请刷新后重试".formatted(account.username()));
		}
	}

	private UserAccount load(String username) {
		return accounts.findByUsername(username).orElseThrow(() -> unknown(username));
	}

	private AccountSummary summary(ResultSet rs) throws SQLException {
		OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
		return new AccountSummary(rs.getString("username"), rs.getString("display_name"), rs.getString("agency_code"),
				rs.getString("agency_name"), List.of(), rs.getString("title"), rs.getString("office_phone"),
				FieldCipher.mask(cipher.decrypt(rs.getString("mobile_cipher"), mobileContext(rs.getString("username")))),
				rs.getString("email"),
				rs.getBoolean("enabled"), lockedUntil == null ? null : lockedUntil.toInstant(),
				rs.getInt("failed_attempts"), rs.getBoolean("must_change_password"), rs.getLong("version"));
	}

	/** Fills in the roles of accounts with one query. */
	private List<AccountSummary> withRoles(List<AccountSummary> listed) {
		if (listed.isEmpty()) {
			return listed;
		}
		Map<String, List<Role>> roles = new HashMap<>();
		jdbc.sql("""
				select u.username, r.role from user_role r join user_account u on u.id = r.user_account_id
				where u.username in (:usernames) order by r.role""")
			.param("usernames", listed.stream().map(AccountSummary::username).toList())
			.query(rs -> {
				roles.computeIfAbsent(rs.getString("username"), name -> new ArrayList<>())
					.add(Role.valueOf(rs.getString("role")));
			});
		return listed.stream()
			.map(account -> account.withRoles(roles.getOrDefault(account.username(), List.of())))
			.toList();
	}

	private static DomainException unknown(String username) {
		return DomainException.notFound("unknown-user", "用户 %s 不存在".formatted(username));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
