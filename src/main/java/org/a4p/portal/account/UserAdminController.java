package org.a4p.portal.account;

import java.util.Locale;

import jakarta.validation.Valid;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.web.Flash;
import org.a4p.portal.web.Forms;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' user pages (ADMIN only, by the security configuration): list, create, and per
 * user disable, enable, unlock and reset password. A temporary password is shown once, on the page
 * the action redirects to (a flash attribute, gone after that page).
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	static final String TEMPORARY_PASSWORD = "temporaryPassword";

	private final UserQueries queries;

	private final CreateUser createUser;

	private final DisableUser disableUser;

	private final EnableUser enableUser;

	private final UnlockUser unlockUser;

	private final ResetPassword resetPassword;

	UserAdminController(UserQueries queries, CreateUser createUser, DisableUser disableUser, EnableUser enableUser,
			UnlockUser unlockUser, ResetPassword resetPassword) {
		this.queries = queries;
		this.createUser = createUser;
		this.disableUser = disableUser;
		this.enableUser = enableUser;
		this.unlockUser = unlockUser;
		this.resetPassword = resetPassword;
	}

	@GetMapping
	String list(Locale locale, Model model) {
		model.addAttribute("users", this.queries.all(locale));
		return "account/users/list";
	}

	@GetMapping("/new")
	String newUser(Locale locale, Model model) {
		model.addAttribute("newUser", new NewUserForm());
		return newUserPage(locale, model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("newUser") NewUserForm form, BindingResult result, Locale locale, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return newUserPage(locale, model);
		}
		CreateUser.Created created = Forms.attempt(result, () -> this.createUser.create(form)).orElse(null);
		if (created == null) {
			return newUserPage(locale, model);
		}
		Flash.add(redirect, "users.created");
		redirect.addFlashAttribute(TEMPORARY_PASSWORD, created.temporaryPassword());
		return "redirect:/admin/users/" + created.id();
	}

	@GetMapping("/{id:\\d+}")
	String user(@PathVariable long id, Locale locale, Model model) {
		model.addAttribute("user", this.queries.byId(id, locale).orElseThrow(() -> new NotFoundException("user " + id)));
		return "account/users/detail";
	}

	@PostMapping("/{id:\\d+}/disable")
	String disable(@PathVariable long id, @AuthenticationPrincipal PortalUser admin, RedirectAttributes redirect) {
		this.disableUser.disable(id, admin);
		Flash.add(redirect, "users.disabled");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id:\\d+}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		this.enableUser.enable(id);
		Flash.add(redirect, "users.enabled");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id:\\d+}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		this.unlockUser.unlock(id);
		Flash.add(redirect, "users.unlocked");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id:\\d+}/reset-password")
	String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
		String temporaryPassword = this.resetPassword.reset(id);
		Flash.add(redirect, "users.password-reset");
		redirect.addFlashAttribute(TEMPORARY_PASSWORD, temporaryPassword);
		return "redirect:/admin/users/" + id;
	}

	private String newUserPage(Locale locale, Model model) {
		model.addAttribute("roles", Role.values());
		model.addAttribute("states", this.queries.memberStates(locale));
		return "account/users/new";
	}

}
