package org.a4p.portal.account;

import java.util.Locale;

import jakarta.validation.Valid;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.stakeholder.StakeholderDirectory;
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

	private static final String USERS = "/admin/users/";

	private final UserQueries queries;

	private final CreateUser createUser;

	private final DisableUser disableUser;

	private final EnableUser enableUser;

	private final UnlockUser unlockUser;

	private final ResetPassword resetPassword;

	private final StakeholderDirectory stakeholders;

	UserAdminController(UserQueries queries, CreateUser createUser, DisableUser disableUser, EnableUser enableUser,
			UnlockUser unlockUser, ResetPassword resetPassword, StakeholderDirectory stakeholders) {
		this.queries = queries;
		this.stakeholders = stakeholders;
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
		return Forms.attempt(result, () -> this.createUser.create(form.toCommand()))
			.map((created) -> withTemporaryPassword(redirect, "users.created", created.id(), created.temporaryPassword()))
			.orElseGet(() -> newUserPage(locale, model));
	}

	@GetMapping("/{id:\\d+}")
	String user(@PathVariable long id, Locale locale, Model model) {
		model.addAttribute("user", this.queries.byId(id, locale).orElseThrow(() -> new NotFoundException("user " + id)));
		return "account/users/detail";
	}

	@PostMapping("/{id:\\d+}/disable")
	String disable(@PathVariable long id, @AuthenticationPrincipal PortalUser admin, RedirectAttributes redirect) {
		this.disableUser.disable(id, admin);
		return Flash.redirect(redirect, USERS + id, "users.disabled");
	}

	@PostMapping("/{id:\\d+}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		this.enableUser.enable(id);
		return Flash.redirect(redirect, USERS + id, "users.enabled");
	}

	@PostMapping("/{id:\\d+}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		this.unlockUser.unlock(id);
		return Flash.redirect(redirect, USERS + id, "users.unlocked");
	}

	@PostMapping("/{id:\\d+}/reset-password")
	String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
		return withTemporaryPassword(redirect, "users.password-reset", id, this.resetPassword.reset(id));
	}

	/** To the user's page, which shows the message and, once, the temporary password to hand over. */
	private static String withTemporaryPassword(RedirectAttributes redirect, String key, long id,
			String temporaryPassword) {
		Flash.addWithValue(redirect, key, TEMPORARY_PASSWORD, temporaryPassword);
		return "redirect:" + USERS + id;
	}

	private String newUserPage(Locale locale, Model model) {
		model.addAttribute("roles", Role.values());
		model.addAttribute("states", this.stakeholders.memberStates(locale));
		return "account/users/new";
	}

}
