package org.liandong.integration.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.liandong.integration.Scope;
import org.liandong.platform.ProblemWriter;
import org.liandong.platform.SecurityHeaders;
import org.liandong.platform.SignedInUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The door for integration clients (issue 20, X5), ahead of the people's API chain: the token
 * endpoint, and API calls that carry a bearer token. A token is checked by its signature and
 * expiry, its client against the revoked ones in memory; the call must be one its scopes open
 * ({@link Scope#calls()}); the client then reads as a business user of its agency.
 */
@Configuration(proxyBeanMethods = false)
class BearerSecurity {

	/** The role of a client's principal; {@code Access.BUSINESS_USER} admits it, the scopes narrow it. */
	static final String ROLE = "INTEGRATION_CLIENT";

	static final String TOKEN_PATH = "/oauth2/token";

	static final String REVOKED = "接入客户端已被吊销，其令牌一律拒绝";

	@Bean
	@Order(0)
	SecurityFilterChain integrationClients(HttpSecurity http, ClientTokens tokens,
			ProblemWriter problems) throws Exception {
		SecurityHeaders.apply(http);
		RequestMatcher tokenEndpoint = PathPatternRequestMatcher.withDefaults().matcher(TOKEN_PATH);
		RequestMatcher bearerCall = request -> request.getServletPath().startsWith("/api/")
				&& bearer(request.getHeader("Authorization"));
		return http.securityMatcher(new OrRequestMatcher(tokenEndpoint, bearerCall))
			.authorizeHttpRequests(requests -> requests.requestMatchers(tokenEndpoint).permitAll()
				.anyRequest().access(byScope()))
			.oauth2ResourceServer(server -> server
				.jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(BearerSecurity::principal))
				.authenticationEntryPoint((request, response, failure) -> {
					response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
					problems.write(response, HttpStatus.UNAUTHORIZED, "invalid-token",
							revocation(failure).orElse("访问令牌无效或已过期，请重新申请令牌（POST " + TOKEN_PATH + "）"));
				})
				.accessDeniedHandler(outOfScope(problems)))
			.exceptionHandling(errors -> errors.accessDeniedHandler(outOfScope(problems)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.build();
	}

	private static AccessDeniedHandler outOfScope(ProblemWriter problems) {
		return (request, response, denied) -> problems.write(response, HttpStatus.FORBIDDEN, "scope-required",
				"该接入客户端的权限范围不含此接口（%s %s）".formatted(request.getMethod(), request.getServletPath()));
	}

	/** The revocation's own words, wherever the provider wrapped the converter's refusal. */
	private static Optional<String> revocation(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t.getMessage() != null && t.getMessage().contains(REVOKED)) {
				return Optional.of(REVOKED);
			}
		}
		return Optional.empty();
	}

	private static boolean bearer(String authorization) {
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	/** The client as a signed-in user of its agency, with its scopes as authorities. */
	private static AbstractAuthenticationToken principal(Jwt token) {
		// a negative id: never an account's
		long key = ((Number) token.getClaim("client_key")).longValue();
		SignedInUser client = new SignedInUser(-key, "client:" + token.getSubject(),
				token.getClaimAsString("client_name"), token.getClaimAsString("agency"),
				token.getClaimAsString("agency_name"), token.getClaimAsString("division"), Set.of(ROLE), "", false, true,
				false);
		Collection<GrantedAuthority> authorities = new ArrayList<>(client.getAuthorities());
		for (String scope : token.getClaimAsString("scope").split(" ")) {
			authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope));
		}
		return UsernamePasswordAuthenticationToken.authenticated(client, null, authorities);
	}

	/** A call is allowed when one of the client's scopes opens it; any other call is refused. */
	private static AuthorizationManager<RequestAuthorizationContext> byScope() {
		List<ScopedCall> calls = new ArrayList<>();
		for (Scope scope : Scope.values()) {
			for (Scope.Call call : scope.calls()) {
				calls.add(new ScopedCall(scope,
						PathPatternRequestMatcher.withDefaults().matcher(call.method(), call.pattern())));
			}
		}
		return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) -> {
			HttpServletRequest request = context.getRequest();
			Set<String> held = authentication.get().getAuthorities().stream().map(GrantedAuthority::getAuthority)
				.collect(Collectors.toSet());
			boolean allowed = calls.stream().anyMatch(
					call -> call.matcher().matches(request) && held.contains("SCOPE_" + call.scope().value()));
			return new AuthorizationDecision(allowed);
		};
	}

	private record ScopedCall(Scope scope, RequestMatcher matcher) {
	}
}
