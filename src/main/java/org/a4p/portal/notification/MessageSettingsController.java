package org.a4p.portal.notification;

import org.a4p.portal.account.PortalUser;
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

/** {@code /account/messages}: the signed-in user chooses the language of their messages and the optional ones. */
@Controller
class MessageSettingsController {

	private final MessageSettings settings;

	private final Recipients recipients;

	MessageSettingsController(MessageSettings settings, Recipients recipients) {
		this.settings = settings;
		this.recipients = recipients;
	}

	@GetMapping("/account/messages")
	String form(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("settings", MessageSettingsForm.of(this.settings.current(user.id())));
		return page(user, model);
	}

	@PostMapping("/account/messages")
	String save(@AuthenticationPrincipal PortalUser user, @ModelAttribute("settings") MessageSettingsForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!Forms.attempt(result, () -> this.settings.change(form.toCommand(user.id())))) {
			return page(user, model);
		}
		return Flash.redirect(redirect, "/account/messages", "messages.saved");
	}

	private String page(PortalUser user, Model model) {
		model.addAttribute("mailLanguages", MailLanguages.CODES);
		model.addAttribute("email", this.recipients.byId(user.id()).map(Recipient::email).orElse(null));
		return "account/messages";
	}

}
