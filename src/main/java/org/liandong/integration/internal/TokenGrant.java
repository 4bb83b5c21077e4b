package org.liandong.integration.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.liandong.integration.IntegrationClientEvent;
import org.liandong.integration.Scope;
import org.liandong.integration.internal.ClientRegistry.Client;
import org.liandong.platform.RateLimit;
import org.liandong.platform.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client-credentials grant (RFC 6749 §4.4): the client's secret checked against its hash, the
 * scopes asked for within those registered (all of them when none are asked for), a token issued;
 * every issue and every refusal of a known client in the audit trail.
 */
@Component
public class TokenGrant {

	private final ClientRegistry registry;
	private final ClientTokens tokens;
	private final PasswordEncoder passwords;
	private final ApplicationEventPublisher events;
	private final RateLimit failures;

	TokenGrant(ClientRegistry registry, ClientTokens tokens, PasswordEncoder passwords,
			ApplicationEventPublisher events, RateLimits limits,
			@Value("${liandong.integration.failed-authentications:10}") int failuresPerClient) {
		this.registry = registry;
		this.tokens = tokens;
		this.passwords = passwords;
		this.events = events;
		// failed secrets per client identifier in 15 minutes, shared by the instances (as sign-in failures are)
		this.failures = limits.limit("client-token-failures", failuresPerClient, Duration.ofMinutes(15));
	}

	/** The outcome: a token, or the RFC 6749 §5.2 error with a description in Chinese. */
	public record Outcome(String token, long expiresInSeconds, String scope, String error, String description) {

		static Outcome refused(String error, String description) {
			return new Outcome(null, 0, null, error, description);
		}

		public boolean granted() {
			return token != null;
		}
	}

	@Transactional
	public Outcome grant(String clientId, String secret, String scopeAsked) {
		String key = clientId == null ? "" : clientId;
		if (failures.exhausted(key)) {
			return Outcome.refused("too_many_failures", "该客户端标识的认证失败次数过多，请 %d 秒后再试"
				.formatted(failures.secondsToWait(key)));
		}
		Optional<Client> found = clientId == null ? Optional.empty() : registry.client(clientId);
		if (found.isEmpty() || secret == null || !passwords.matches(secret, found.get().secretHash())) {
			failures.tryTake(key);
			found.ifPresent(client -> refuse(client, "客户端密钥错误"));
			return Outcome.refused("invalid_client", "客户端标识或密钥不正确");
		}
		Client client = found.get();
		if (client.revoked()) {
			refuse(client, "客户端已被吊销");
			return Outcome.refused("invalid_client", "该接入客户端已被吊销，不再签发令牌");
		}
		List<Scope> scopes = new ArrayList<>();
		if (scopeAsked == null || scopeAsked.isBlank()) {
			scopes.addAll(client.scopes());
		}
		else {
			for (String word : scopeAsked.trim().split("\\s+")) {
				Optional<Scope> scope = Scope.of(word).filter(client.scopes()::contains);
				if (scope.isEmpty()) {
					refuse(client, "申请了未授予的权限范围 " + word);
					return Outcome.refused("invalid_scope", "权限范围“%s”未授予该客户端；已授予：%s".formatted(word,
							ClientRegistry.words(client.scopes())));
				}
				if (!scopes.contains(scope.get())) {
					scopes.add(scope.get());
				}
			}
		}
		ClientTokens.Issued issued = tokens.issue(client, scopes);
		registry.tokenIssued(client.id());
		events.publishEvent(new IntegrationClientEvent(IntegrationClientEvent.TOKEN_ISSUED, client.clientId(),
				"向接入客户端“%s”签发访问令牌，权限范围：%s，有效期 %d 分钟".formatted(client.name(),
						ClientRegistry.labels(scopes), issued.validity().toMinutes()),
				"client:" + client.clientId()));
		return new Outcome(issued.value(), issued.validity().toSeconds(), ClientRegistry.words(scopes), null, null);
	}

	private void refuse(Client client, String why) {
		events.publishEvent(new IntegrationClientEvent(IntegrationClientEvent.TOKEN_REFUSED, client.clientId(),
				"拒绝向接入客户端“%s”签发令牌：%s".formatted(client.name(), why), "client:" + client.clientId()));
	}
}
