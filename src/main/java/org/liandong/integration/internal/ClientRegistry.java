package org.liandong.integration.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.liandong.agency.Agencies;
import org.liandong.agency.AgencySummary;
import org.liandong.integration.ClientRegistration;
import org.liandong.integration.IntegrationClientEvent;
import org.liandong.integration.IntegrationClientView;
import org.liandong.integration.IntegrationClients;
import org.liandong.integration.NewIntegrationClient;
import org.liandong.integration.Scope;
import org.liandong.platform.ChineseTime;
import org.liandong.platform.DomainException;
import org.liandong.platform.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** The registered clients: registration with a secret shown once, the list, revocation. */
@Service
@Validated
class ClientRegistry implements IntegrationClients {

	private final JdbcClient jdbc;
	private final Agencies agencies;
	private final PasswordEncoder passwords;
	private final RevokedClients revoked;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	ClientRegistry(JdbcClient jdbc, Agencies agencies, PasswordEncoder passwords, RevokedClients revoked,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.passwords = passwords;
		this.revoked = revoked;
		this.events = events;
		this.clock = clock;
	}

	/** A client as the token endpoint needs it. */
	record Client(long id, String clientId, String name, String agencyCode, List<Scope> scopes, String secretHash,
			boolean revoked) {
	}

	@Override
	@Transactional
	public ClientRegistration register(NewIntegrationClient n, SignedInUser admin) {
		AgencySummary agency = agencies.find(n.agencyCode())
			.orElseThrow(() -> DomainException.invalid("unknown-agency", "单位 %s 不存在".formatted(n.agencyCode())));
		String clientId = "ld-" + HexFormat.of().formatHex(bytes(8));
		String secret = HexFormat.of().formatHex(bytes(24));
		Instant now = clock.instant();
		jdbc.sql("""
				insert into integration_client (client_id, name, agency_code, scopes, secret_hash, created_at,
				    created_by_name)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(clientId, n.name().trim(), agency.code(), words(n.scopes().stream().sorted().toList()),
					passwords.encode(secret), ChineseTime.utc(now), admin.describe())
			.update();
		IntegrationClientView view = find(clientId).orElseThrow();
		events.publishEvent(new IntegrationClientEvent(IntegrationClientEvent.REGISTERED, clientId,
				"登记接入客户端“%s”，代表%s，权限范围：%s".formatted(view.name(), agency.name(), labels(view.scopes())), null));
		return new ClientRegistration(view, secret);
	}

	@Override
	@Transactional(readOnly = true)
	public List<IntegrationClientView> list() {
		return jdbc.sql(SELECT + " order by id").query(this::view).list();
	}

	@Override
	@Transactional
	public IntegrationClientView revoke(long id, SignedInUser admin) {
		IntegrationClientView client = jdbc.sql(SELECT + " where id = ?").param(id).query(this::view).optional()
			.orElseThrow(() -> DomainException.notFound("unknown-client", "接入客户端 %d 不存在".formatted(id)));
		if (client.revoked()) {
			throw DomainException.conflict("client-revoked", "接入客户端“%s”已于此前吊销".formatted(client.name()));
		}
		jdbc.sql("update integration_client set revoked_at = ?, revoked_by_name = ? where id = ? and revoked_at is null")
			.params(ChineseTime.utc(clock.instant()), admin.describe(), id)
			.update();
		revoked.add(client.clientId());
		events.publishEvent(new IntegrationClientEvent(IntegrationClientEvent.REVOKED, client.clientId(),
				"吊销接入客户端“%s”：不再签发令牌，已签发的令牌一律拒绝".formatted(client.name()), null));
		return find(client.clientId()).orElseThrow();
	}

	Optional<Client> client(String clientId) {
		return jdbc.sql("select id, client_id, name, agency_code, scopes, secret_hash, revoked_at from integration_client "
				+ "where client_id = ?")
			.param(clientId)
			.query((rs, n) -> new Client(rs.getLong("id"), rs.getString("client_id"), rs.getString("name"),
					rs.getString("agency_code"), scopes(rs.getString("scopes")), rs.getString("secret_hash"),
					rs.getTimestamp("revoked_at") != null))
			.optional();
	}

	/** Notes when the client was last given a token, for the administrator's list. */
	void tokenIssued(long id) {
		jdbc.sql("update integration_client set last_token_at = ? where id = ?")
			.params(ChineseTime.utc(clock.instant()), id)
			.update();
	}

	List<String> revokedIds() {
		return jdbc.sql("select client_id from integration_client where revoked_at is not null").query(String.class).list();
	}

	static String words(List<Scope> scopes) {
		return scopes.stream().map(Scope::value).collect(Collectors.joining(" "));
	}

	static String labels(List<Scope> scopes) {
		return scopes.stream().map(scope -> scope.label() + "（" + scope.value() + "）").collect(Collectors.joining("、"));
	}

	static List<Scope> scopes(String words) {
		return Arrays.stream(words.split(" ")).map(Scope::of).flatMap(Optional::stream).toList();
	}

	private Optional<IntegrationClientView> find(String clientId) {
		return jdbc.sql(SELECT + " where client_id = ?").param(clientId).query(this::view).optional();
	}

	private static final String SELECT = """
			select id, client_id, name, agency_code, scopes, created_at, created_by_name, last_token_at, revoked_at,
			    revoked_by_name
			from integration_client""";

	private IntegrationClientView view(ResultSet rs, int n) throws SQLException {
		String agency = rs.getString("agency_code");
		return new IntegrationClientView(rs.getLong("id"), rs.getString("client_id"), rs.getString("name"), agency,
				agencies.find(agency).map(AgencySummary::name).orElse(agency), scopes(rs.getString("scopes")),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by_name"),
				rs.getTimestamp("last_token_at") == null ? null : rs.getTimestamp("last_token_at").toInstant(),
				rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
				rs.getString("revoked_by_name"));
	}

	private byte[] bytes(int n) {
		byte[] bytes = new byte[n];
		random.nextBytes(bytes);
		return bytes;
	}
}
