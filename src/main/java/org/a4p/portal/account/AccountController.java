package org.a4p.portal.account;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.a4p.portal.web.Flash;
import org.a4p.portal.web.Forms;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account page, and changing one's own password. */
@Controller
class AccountController {

	private final ChangeOwnPassword changeOwnPassword;

	private final UserQueries queries;

	private final PasswordPolicy policy;

	AccountController(ChangeOwnPassword changeOwnPassword, UserQueries queries, PasswordPolicy policy) {
		this.changeOwnPassword = changeOwnPassword;
		this.queries = queries;
		this.policy = policy;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("user", user);
		return "account/home";
	}

	@GetMapping("/account/password")
	String passwordForm(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("passwordChange", new PasswordChangeForm());
		return passwordPage(user, model);
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal PortalUser user,
			@Valid @ModelAttribute("passwordChange") PasswordChangeForm form, BindingResult result, HttpSession session,
			Model model, RedirectAttributes redirect) {
		if (!Forms.attempt(result, () -> this.changeOwnPassword.change(user.id(), form.toCommand(), session.getId()))) {
			return passwordPage(user, model);
		}
		// on to their work: a first sign-in with a temporary password ends where any sign-in does
		return Flash.redirect(redirect, user.role().home(), "password.changed");
	}

	private String passwordPage(PortalUser user, Model model) {
		model.addAttribute("changeRequired", this.queries.passwordChangeRequired(user.id()));
		model.addAttribute("minLength", this.policy.minLength());
		return "account/password";
	}

}
