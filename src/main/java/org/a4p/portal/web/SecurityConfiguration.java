package org.a4p.portal.web;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may do what (product brief section 5). Public read pages are open to everyone; signed-in areas
 * need the right role; finer checks (a delegate's own state) are made by the use cases. CSRF
 * protection is on for every POST. The access-matrix test lists every route.
 * <p>
 * Sign-in: a form, the session id changed at sign-in (session fixation), lock-out counted per
 * account by the accounts feature, whose failure handler says when an account has just locked.
 * There is deliberately no "remember me": a session ends when the browser closes or after 30 minutes
 * idle (docs/adr/0010-accounts-and-sign-in.md).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** No inline scripts or styles anywhere: every script and style sheet comes from /assets or /webjars. */
	static final String CONTENT_SECURITY_POLICY = ContentSecurityPolicy.STRICT;

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationFailureHandler signInFailureHandler)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
			.requestMatchers("/admin", "/admin/**").hasRole("ADMIN")
			.requestMatchers("/review", "/review/**").hasRole("SECRETARIAT")
			.requestMatchers("/my", "/my/**").hasRole("DELEGATE")
			// Administrators read entries (product brief section 5) but never write them.
			.requestMatchers(HttpMethod.GET, "/entries", "/entries/**").hasAnyRole("SECRETARIAT", "DELEGATE", "ADMIN")
			.requestMatchers(HttpMethod.HEAD, "/entries", "/entries/**").hasAnyRole("SECRETARIAT", "DELEGATE", "ADMIN")
			.requestMatchers("/entries", "/entries/**").hasAnyRole("SECRETARIAT", "DELEGATE")
			.requestMatchers("/account", "/account/**").authenticated()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
			.requestMatchers("/actuator/**").denyAll()
			.requestMatchers(HttpMethod.GET, PublicPaths.PATTERNS).permitAll()
			.requestMatchers(HttpMethod.HEAD, PublicPaths.PATTERNS).permitAll()
			// Any other GET is a public page or an unknown address (404).
			.requestMatchers(HttpMethod.GET, "/**").permitAll()
			.anyRequest().authenticated());
		http.formLogin((form) -> form.loginPage("/login")
			.defaultSuccessUrl("/account", false)
			.failureHandler(signInFailureHandler)
			.permitAll());
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signed-out").permitAll());
		http.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()));
		http.headers((headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

}
