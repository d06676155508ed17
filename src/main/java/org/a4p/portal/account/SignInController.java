package org.a4p.portal.account;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security handles the POST. Flags in the query say why the page is shown
 * again: {@code ?error} after a failed sign-in (the reason is in the session), {@code ?disabled} or
 * {@code ?locked} when a session was ended because its account was disabled or locked meanwhile.
 */
@Controller
class SignInController {

	private final AccountProperties properties;

	SignInController(AccountProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/login")
	String signIn(HttpServletRequest request, Model model) {
		Map<String, String[]> flags = request.getParameterMap();
		if (flags.containsKey("error")) {
			HttpSession session = request.getSession(false);
			Object last = (session != null) ? session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
			model.addAttribute("errorKey", errorKey((last instanceof AuthenticationException ex) ? ex : null));
		}
		else if (flags.containsKey("disabled")) {
			model.addAttribute("errorKey", "login.error.disabled");
		}
		else if (flags.containsKey("locked")) {
			model.addAttribute("errorKey", "login.error.locked");
		}
		model.addAttribute("lockMinutes", Math.max(1, this.properties.lockDuration().toMinutes()));
		return "account/login";
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
