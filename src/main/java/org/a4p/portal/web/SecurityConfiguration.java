package org.a4p.portal.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import org.a4p.portal.shared.DatabaseUnavailable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Who may do what (product brief section 5). Public read pages are open to everyone; signed-in areas
 * need the right role; finer checks (a delegate's own state) are made by the use cases. CSRF
 * protection is on for every POST. The access-matrix test lists every route.
 * <p>
 * Sign-in: a form, the session id changed at sign-in (session fixation), lock-out counted per
 * account by the accounts feature, whose failure handler says when an account has just locked, and whose
 * success handler leads to the page first asked for, else to the role's work.
 * There is deliberately no "remember me": a session ends when the browser closes or after 30 minutes
 * idle (docs/adr/0010-accounts-and-sign-in.md). Sessions live in PostgreSQL (Spring Session JDBC), shared
 * by every instance (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** No inline scripts or styles anywhere: every script and style sheet comes from /assets or /webjars. */
	static final String CONTENT_SECURITY_POLICY = ContentSecurityPolicy.STRICT;

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * What a browser drops at sign-out: its cache of the portal's pages (Chromium's back/forward cache
	 * included) and storage. Not cookies: the session cookie is expired anyway, and the language chosen
	 * stays. Sent on every sign-out (Spring's own writer sends it over HTTPS only; browsers also honour
	 * it on http://localhost and ignore it elsewhere on plain HTTP).
	 */
	static final String CLEAR_SITE_DATA = "\"cache\", \"storage\"";

	/** Strict-Transport-Security: a year, this host only (the portal does not speak for other hosts). */
	static final long HSTS_SECONDS = 365L * 24 * 60 * 60;

	/**
	 * @param https {@code portal.https}: the portal is reached over HTTPS (behind a proxy that ends TLS),
	 * so every response says so (Strict-Transport-Security) and the session cookie is {@code Secure}
	 * (application.properties); otherwise only requests seen as secure get the header
	 */
	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationFailureHandler signInFailureHandler,
			AuthenticationSuccessHandler signInSuccessHandler, @Value("${portal.https:false}") boolean https,
			@Value("${management.server.port:}") String managementPort) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
			.requestMatchers("/admin", "/admin/**").hasRole("ADMIN")
			.requestMatchers("/review", "/review/**", "/secretariat", "/secretariat/**").hasRole("SECRETARIAT")
			.requestMatchers("/my", "/my/**").hasRole("DELEGATE")
			// Administrators read entries (product brief section 5) but never write them.
			.requestMatchers(HttpMethod.GET, "/entries", "/entries/**").hasAnyRole("SECRETARIAT", "DELEGATE", "ADMIN")
			.requestMatchers(HttpMethod.HEAD, "/entries", "/entries/**").hasAnyRole("SECRETARIAT", "DELEGATE", "ADMIN")
			.requestMatchers("/entries", "/entries/**").hasAnyRole("SECRETARIAT", "DELEGATE")
			.requestMatchers("/account", "/account/**").authenticated()
			// an unsubscribe link works signed out: its signed token says who (notification module)
			.requestMatchers(HttpMethod.POST, "/unsubscribe").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
			// Only on the management port, bound to 127.0.0.1, when one is set (operations.MetricsDefaults).
			.requestMatchers("/actuator/prometheus")
			.access(managementPort.isBlank() ? SingleResultAuthorizationManager.denyAll()
					: SingleResultAuthorizationManager.permitAll())
			.requestMatchers("/actuator/**").denyAll()
			.requestMatchers(HttpMethod.GET, PublicPaths.PATTERNS).permitAll()
			.requestMatchers(HttpMethod.HEAD, PublicPaths.PATTERNS).permitAll()
			// Any other GET is a public page or an unknown address (404).
			.requestMatchers(HttpMethod.GET, "/**").permitAll()
			.anyRequest().authenticated());
		http.formLogin((form) -> form.loginPage("/login")
			.successHandler(signInSuccessHandler)
			.failureHandler(unlessDatabaseUnavailable(signInFailureHandler))
			.permitAll());
		// Signing out deletes the session (on every instance: it lives in PostgreSQL) and tells the browser to
		// drop what it kept of the portal's pages, so Back cannot bring a private page out of its caches.
		http.logout((logout) -> logout.logoutUrl("/logout")
			.addLogoutHandler(new HeaderWriterLogoutHandler(
					(request, response) -> response.setHeader("Clear-Site-Data", CLEAR_SITE_DATA)))
			.logoutSuccessUrl("/signed-out")
			.permitAll());
		http.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()));
		http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions((frame) -> frame.deny())
			.httpStrictTransportSecurity((hsts) -> {
				hsts.maxAgeInSeconds(HSTS_SECONDS).includeSubDomains(false);
				if (https) {
					hsts.requestMatcher(AnyRequestMatcher.INSTANCE);
				}
			}));
		return http.build();
	}

	/**
	 * A sign-in that failed because the database did not answer is not a wrong password: the failure goes
	 * on to {@link DatabaseOutageFilter} (503 page) instead of back to the sign-in form.
	 */
	private static AuthenticationFailureHandler unlessDatabaseUnavailable(AuthenticationFailureHandler handler) {
		return (request, response, exception) -> {
			if (DatabaseUnavailable.causedBy(exception)) {
				throw new ServletException("Sign-in failed: the database did not answer", exception);
			}
			handler.onAuthenticationFailure(request, response, exception);
		};
	}

}
