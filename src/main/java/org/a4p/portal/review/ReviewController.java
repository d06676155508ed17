package org.a4p.portal.review;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.account.PortalUser;
import org.a4p.portal.catalogue.CatalogueQueries;
import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.reporting.EntryPage;
import org.a4p.portal.reporting.EntryRef;
import org.a4p.portal.reporting.ReturnEntry;
import org.a4p.portal.reporting.ReviewForm;
import org.a4p.portal.reporting.ValidateEntry;
import org.a4p.portal.shared.FormText;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.web.Flash;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Secretariat's review: the queue of submissions, and Validate / Return on an entry. */
@Controller
class ReviewController {

	private final CycleQueries cycles;

	private final CatalogueQueries catalogue;

	private final ReviewQueueQuery queue;

	private final EntryPage entryPage;

	private final ValidateEntry validateEntry;

	private final ReturnEntry returnEntry;

	ReviewController(CycleQueries cycles, CatalogueQueries catalogue, ReviewQueueQuery queue, EntryPage entryPage,
			ValidateEntry validateEntry, ReturnEntry returnEntry) {
		this.cycles = cycles;
		this.catalogue = catalogue;
		this.queue = queue;
		this.entryPage = entryPage;
		this.validateEntry = validateEntry;
		this.returnEntry = returnEntry;
	}

	@GetMapping("/review")
	String queue(@RequestParam(required = false) @Nullable String cycle,
			@RequestParam(required = false) @Nullable String area,
			@RequestParam(required = false) @Nullable String stakeholder, Locale locale, Model model) {
		CycleView selected = this.cycles.selected(cycle);
		String areaCode = FormText.clean(area);
		String stakeholderCode = FormText.clean(stakeholder);
		var areas = this.catalogue.areas(locale);
		if (areaCode != null && areas.stream().noneMatch((a) -> a.code().equals(areaCode))) {
			throw new NotFoundException("area " + areaCode);
		}
		model.addAttribute("cycles", this.cycles.all());
		model.addAttribute("areas", areas);
		model.addAttribute("cycle", selected);
		model.addAttribute("area", areaCode);
		model.addAttribute("stakeholder", stakeholderCode);
		if (selected != null) {
			model.addAttribute("stakeholders", this.queue.stakeholdersWithEntries(selected.id(), locale));
			model.addAttribute("queue", this.queue.submitted(selected.id(), areaCode, stakeholderCode, locale));
		}
		return "review/queue";
	}

	@PostMapping("/review/{cycle}/{stakeholder}/{commitment}/validate")
	String validate(@PathVariable String cycle, @PathVariable String stakeholder, @PathVariable String commitment,
			@AuthenticationPrincipal @Nullable PortalUser principal, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		EntryRef ref = new EntryRef(cycle, stakeholder, commitment);
		this.validateEntry.validate(PortalUser.signedIn(principal), ref, version);
		return backToQueue(redirect, "review.flash.validated", ref);
	}

	@PostMapping("/review/{cycle}/{stakeholder}/{commitment}/return")
	String returnToWriter(@PathVariable String cycle, @PathVariable String stakeholder,
			@PathVariable String commitment, @AuthenticationPrincipal @Nullable PortalUser principal, Locale locale,
			@ModelAttribute("reviewForm") ReviewForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		PortalUser user = PortalUser.signedIn(principal);
		EntryRef ref = new EntryRef(cycle, stakeholder, commitment);
		form.validateForReturn(errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return this.entryPage.withReturnForm(model, user, ref, locale, form);
		}
		this.returnEntry.returnEntry(user, ref, form.getVersion(), form.getComment());
		return backToQueue(redirect, "review.flash.returned", ref);
	}

	private static String backToQueue(RedirectAttributes redirect, String key, EntryRef ref) {
		redirect.addAttribute("cycle", ref.cycleCode());
		return Flash.redirect(redirect, "/review", key, ref.commitmentCode() + " / " + ref.stakeholderCode());
	}

}
