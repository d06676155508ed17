package org.a4p.portal.account;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the POST. */
@Controller
class SignInController {

	@GetMapping("/login")
	String signIn(@RequestParam(required = false) @Nullable String error, @Nullable HttpSession session, Model model) {
		if (error != null) {
			Object last = (session != null) ? session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
			model.addAttribute("errorKey", errorKey((last instanceof AuthenticationException ex) ? ex : null));
		}
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
