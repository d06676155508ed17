package org.a4p.portal.reporting;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.account.PortalUser;
import org.a4p.portal.web.Flash;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An entry's page and its writes: show; save a draft; submit it. Secretariat staff and the
 * stakeholder's own delegates read and write; administrators only read (see {@link EntryGuard} for
 * the order of 404 and 403).
 */
@Controller
@RequestMapping("/entries/{cycle}/{stakeholder}/{commitment}")
class EntryController {

	private final EntryGuard guard;

	private final EntryPage page;

	private final SaveDraft saveDraft;

	private final SubmitEntry submitEntry;

	private final EntryFormValidator validator = new EntryFormValidator();

	EntryController(EntryGuard guard, EntryPage page, SaveDraft saveDraft, SubmitEntry submitEntry) {
		this.guard = guard;
		this.page = page;
		this.saveDraft = saveDraft;
		this.submitEntry = submitEntry;
	}

	@GetMapping
	String show(@PathVariable String cycle, @PathVariable String stakeholder, @PathVariable String commitment,
			@AuthenticationPrincipal @Nullable PortalUser principal, Locale locale, Model model) {
		PortalUser user = PortalUser.signedIn(principal);
		EntryContext context = this.guard.readable(user, new EntryRef(cycle, stakeholder, commitment), locale);
		return this.page.render(model, user, context, null, null);
	}

	@PostMapping
	String save(@PathVariable String cycle, @PathVariable String stakeholder, @PathVariable String commitment,
			@AuthenticationPrincipal @Nullable PortalUser principal, Locale locale, @ModelAttribute("entryForm") EntryForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		PortalUser user = PortalUser.signedIn(principal);
		EntryRef ref = new EntryRef(cycle, stakeholder, commitment);
		// a reader who may not write (an administrator) is refused before the form is even checked
		EntryContext context = this.guard.writer(user, ref, locale);
		form.normalise();
		this.validator.validate(form, errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return this.page.render(model, user, context, form, null);
		}
		SaveDraft.Outcome outcome;
		try {
			outcome = this.saveDraft.save(user, ref, form.toContent(), form.getVersion());
		}
		catch (OptimisticLockingFailureException ex) {
			// changed (or created) by someone else since the writer loaded it: both versions, nothing lost
			response.setStatus(HttpStatus.CONFLICT.value());
			return this.page.conflict(model, context, form);
		}
		return Flash.redirect(redirect, ref.path(),
				(outcome == SaveDraft.Outcome.UNCHANGED) ? "entry.flash.unchanged" : "entry.flash.saved");
	}

	@PostMapping("/submit")
	String submit(@PathVariable String cycle, @PathVariable String stakeholder, @PathVariable String commitment,
			@AuthenticationPrincipal @Nullable PortalUser principal, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		EntryRef ref = new EntryRef(cycle, stakeholder, commitment);
		this.submitEntry.submit(PortalUser.signedIn(principal), ref, version);
		return Flash.redirect(redirect, ref.path(), "entry.flash.submitted");
	}

}
