package org.a4p.portal.account;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.shared.Rows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session in step with the account, on every request of a signed-in user (one
 * primary-key lookup; anonymous requests cost nothing):
 * <ul>
 * <li>an account disabled or locked since sign-in is signed out at once;</li>
 * <li>while a password change is required (a temporary password from an administrator), every page
 * but the change-password page sends the user there.</li>
 * </ul>
 * Runs after Spring Security's filter chain (a plain servlet filter registered by Boot), where the
 * signed-in user is known. A principal without a row (never the case outside tests) passes.
 * <p>
 * Disabling an account and resetting its password delete its sessions on every instance
 * ({@link UserSessions}); this filter stays as the safety net for what that deletion cannot see: a
 * sign-in that was already past its password check when the change committed, an instance that died
 * between the commit and the deletion; and a lock-out, which deletes no session: a locked account's
 * session ends here at its next request.
 */
@Component
class AccountStateFilter extends OncePerRequestFilter {

	static final String CHANGE_PASSWORD_PATH = "/account/password";

	/** What a user who must change their password may still reach. */
	private static final List<String> OPEN_WHILE_CHANGE_REQUIRED = List.of(CHANGE_PASSWORD_PATH, "/logout", "/login",
			"/error");

	private static final List<String> STATIC_PREFIXES = List.of("/assets/", "/webjars/", "/favicon.ico");

	private record State(boolean enabled, boolean passwordChangeRequired, boolean locked) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountStateFilter(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return STATIC_PREFIXES.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof PortalUser user)) {
			chain.doFilter(request, response);
			return;
		}
		State state = this.jdbc.sql("""
				select enabled, password_change_required, coalesce(locked_until > ?, false) as locked
				from app_user where id = ?
				""")
			.params(java.sql.Timestamp.from(Instant.now(this.clock)), user.id())
			.query(Rows.of(State.class))
			.optional()
			.orElse(null);
		if (state == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!state.enabled() || state.locked()) {
			new SecurityContextLogoutHandler().logout(request, response, authentication);
			response.sendRedirect(request.getContextPath() + (state.enabled() ? "/login?locked" : "/login?disabled"));
			return;
		}
		if (state.passwordChangeRequired() && !OPEN_WHILE_CHANGE_REQUIRED.contains(path(request))) {
			response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PATH);
			return;
		}
		chain.doFilter(request, response);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
