package org.a4p.portal.web;

/** The read pages and files anyone may fetch without signing in. */
public final class PublicPaths {

	public static final String[] PATTERNS = { "/", "/areas/**", "/commitments/**", "/stakeholders", "/stakeholders/**",
			"/organizations/**", "/endorsements", "/download/**", "/data", "/data/**", "/reports/**", "/api/**",
			"/method", "/about", "/about/**", "/login", "/assets/**", "/webjars/**", "/favicon.ico",
			"/actuator/health", "/actuator/health/**", "/actuator/info", "/error" };

	private PublicPaths() {
	}

}
