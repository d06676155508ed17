package org.a4p.portal.account;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * Sends a failed sign-in back to the sign-in page. When this failure was the one that locked the
 * account, the page says the account is now locked rather than "wrong password", so the user knows
 * why the next attempts fail. (The failure has been counted by {@link SignInAttempts} by then.)
 */
@Component
class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

	private final SignInAttempts attempts;

	SignInFailureHandler(SignInAttempts attempts) {
		super("/login?error");
		this.attempts = attempts;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		AuthenticationException reported = exception;
		String username = request.getParameter(UsernamePasswordAuthenticationFilter.SPRING_SECURITY_FORM_USERNAME_KEY);
		if (exception instanceof BadCredentialsException && username != null && this.attempts.isLocked(username)) {
			reported = new LockedException("Locked after too many failed sign-ins", exception);
		}
		super.onAuthenticationFailure(request, response, reported);
	}

}
