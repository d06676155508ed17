package org.a4p.portal.account;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.a4p.portal.web.Forms;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page (Spring Security handles the POST) and the signed-out confirmation. Flags in the query say why the page is shown
 * again: {@code ?error} after a failed sign-in (the reason is in the session), {@code ?disabled} or
 * {@code ?locked} when a session was ended because its account was disabled or locked meanwhile. The
 * reason is shown as an error of the user name field of the form {@code signIn}, like any form's error.
 */
@Controller
class SignInController {

	private final AccountProperties properties;

	SignInController(AccountProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/login")
	String signIn(HttpServletRequest request, Model model) {
		Errors form = Forms.unbound(model, "signIn");
		String errorKey = errorKey(request);
		if (errorKey != null) {
			form.rejectValue("username", errorKey, new Object[] { Math.max(1, this.properties.lockDuration().toMinutes()) },
					null);
		}
		return "account/login";
	}

	/**
	 * The confirmation after signing out (where the sign-out leads), in the reader's language. Never stored by a
	 * cache: the page cache leaves this path alone, and browsers are told not to keep it.
	 */
	@GetMapping("/signed-out")
	String signedOut(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return "account/signed-out";
	}

	/** Why the page is shown again, as a message key; null on a first visit. */
	private static @Nullable String errorKey(HttpServletRequest request) {
		Map<String, String[]> flags = request.getParameterMap();
		if (flags.containsKey("error")) {
			HttpSession session = request.getSession(false);
			Object last = (session != null) ? session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
			return errorKey((last instanceof AuthenticationException ex) ? ex : null);
		}
		if (flags.containsKey("disabled")) {
			return "login.error.disabled";
		}
		if (flags.containsKey("locked")) {
			return "login.error.locked";
		}
		return null;
	}

	static String errorKey(@Nullable AuthenticationException failure) {
		if (failure instanceof LockedException) {
			return "login.error.locked";
		}
		if (failure instanceof DisabledException) {
			return "login.error.disabled";
		}
		return "login.error.bad-credentials";
	}

}
