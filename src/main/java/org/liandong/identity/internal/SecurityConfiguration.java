package org.liandong.identity.internal;

import org.liandong.identity.SecondFactorSession;
import org.liandong.platform.ProblemWriter;
import org.liandong.platform.SecurityHeaders;
import org.liandong.platform.SignInFailure;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * Who may reach what (X2 at the door): HTTP Basic for API clients, form sign-in with CSRF
 * protection for people. Finer rules (role, agency) are decided per method.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String[] PUBLIC_PATHS = { "/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
			"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
			"/swagger-ui.html",
			// a printed document's QR code, for whoever holds the paper (issue 21)
			"/documents/check" };

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default, with the algorithm recorded in each hash so it can be raised later
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, TwoFactorService twoFactor,
			TwoFactorClientCodes clientCodes)
			throws Exception {
		SecurityHeaders.apply(http);
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint((request, response, failure) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"liandong\", charset=\"UTF-8\"");
				problems.write(response,
						failure instanceof SignInFailure.TooManyAttempts ? HttpStatus.TOO_MANY_REQUESTS
								: HttpStatus.UNAUTHORIZED,
						SignInFailure.code(failure),
						request.getHeader("Authorization") == null ? "请先登录：API 使用 HTTP Basic 认证"
								: SignInFailure.describe(failure));
			}))
			.exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> problems
				.write(response, HttpStatus.FORBIDDEN, "forbidden", "您没有执行此操作的权限")))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.addFilterAfter(TwoFactorGate.forApi(twoFactor, problems, clientCodes), AuthorizationFilter.class)
			.addFilterAfter(FirstPasswordGate.forApi(problems), AuthorizationFilter.class)
			.build();
	}

	/**
	 * The sessions of each signed-in person, so that a change of their roles ends them (SessionRevocation).
	 * Read from the session table (Spring Session JDBC), so an instance ends sessions opened on another.
	 */
	@Bean
	<S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, SessionRegistry sessions, TwoFactorService twoFactor)
			throws Exception {
		SecurityHeaders.apply(http);
		return http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS).permitAll()
			.anyRequest().authenticated())
			.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
				.expiredUrl("/login?expired"))
			.formLogin(form -> form.loginPage("/login").successHandler(loginSuccess()).failureHandler(loginFailure()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.addFilterAfter(TwoFactorGate.forPages(twoFactor), AuthorizationFilter.class)
			.addFilterAfter(FirstPasswordGate.forPages(), AuthorizationFilter.class)
			.build();
	}

	/** To the home page; a second step passed by an earlier sign-in in the same browser does not count for this one. */
	private static AuthenticationSuccessHandler loginSuccess() {
		SimpleUrlAuthenticationSuccessHandler home = new SimpleUrlAuthenticationSuccessHandler("/");
		home.setAlwaysUseDefaultTargetUrl(true);
		return (request, response, authentication) -> {
			SecondFactorSession.clear(request);
			home.onAuthenticationSuccess(request, response, authentication);
		};
	}

	private static AuthenticationFailureHandler loginFailure() {
		return (request, response, failure) -> {
			request.getSession().setAttribute("loginError", SignInFailure.describe(failure));
			request.getSession().setAttribute("loginUsername", request.getParameter("username"));
			response.sendRedirect(request.getContextPath() + "/login?error");
		};
	}
}
