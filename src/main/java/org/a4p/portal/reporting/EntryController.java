package org.a4p.portal.reporting;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.account.PortalUser;
import org.a4p.portal.shared.Refusal;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An entry's page and its writes: show; save a draft; save and submit it. Secretariat staff and the
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
		return this.page.render(model, user, context, locale, null, null);
	}

	@PostMapping
	String save(@PathVariable String cycle, @PathVariable String stakeholder, @PathVariable String commitment,
			@AuthenticationPrincipal @Nullable PortalUser principal, Locale locale, @ModelAttribute("entryForm") EntryForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return write(new EntryRef(cycle, stakeholder, commitment), PortalUser.signedIn(principal), locale, form, errors,
				model, response, (user, ref) -> {
					SaveDraft.Outcome outcome = this.saveDraft.save(user, ref, form.toContent(), form.getVersion());
					return Flash.redirect(redirect, ref.path(),
							(outcome == SaveDraft.Outcome.UNCHANGED) ? "entry.flash.unchanged" : "entry.flash.saved");
				});
	}

	/** "Save and submit": what the form holds is saved and submitted together (never an older saved text). */
	@PostMapping("/submit")
	String submit(@PathVariable String cycle, @PathVariable String stakeholder, @PathVariable String commitment,
			@AuthenticationPrincipal @Nullable PortalUser principal, Locale locale, @ModelAttribute("entryForm") EntryForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return write(new EntryRef(cycle, stakeholder, commitment), PortalUser.signedIn(principal), locale, form, errors,
				model, response, (user, ref) -> {
					SubmitEntry.Outcome outcome = this.submitEntry.submit(user,
							new SubmitEntry.Command(ref, form.toContent(), form.getVersion()));
					return Flash.redirect(redirect, ref.path(), (outcome == SubmitEntry.Outcome.ALREADY_SUBMITTED)
							? "entry.flash.already-submitted" : "entry.flash.submitted");
				});
	}

	/** A write of the form's content: run when the form is valid, or the form again (422), or both versions (409). */
	@FunctionalInterface
	private interface Write {

		String run(PortalUser user, EntryRef ref);

	}

	private String write(EntryRef ref, PortalUser user, Locale locale, EntryForm form, BindingResult errors, Model model,
			HttpServletResponse response, Write write) {
		// a reader who may not write (an administrator), or a write in a closed cycle, is refused before the form
		// is even checked
		EntryContext context = this.guard.writer(user, ref, locale);
		EntryGuard.requireOpen(context);
		form.normalise();
		this.validator.validate(form, errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return this.page.render(model, user, context, locale, form, null);
		}
		try {
			return write.run(user, ref);
		}
		catch (Refusal refusal) {
			// e.g. a returned entry sent again unchanged: the form again, as typed, with the reason
			refusal.addTo(errors);
			response.setStatus(refusal.aboutInput() ? HttpStatus.UNPROCESSABLE_CONTENT.value()
					: HttpStatus.CONFLICT.value());
			return this.page.render(model, user, context, locale, form, null);
		}
		catch (OptimisticLockingFailureException ex) {
			// changed (or created) by someone else since the writer loaded it: both versions, nothing lost
			response.setStatus(HttpStatus.CONFLICT.value());
			return this.page.conflict(model, user, context, form);
		}
	}

}
