package org.a4p.portal.publication;

import java.util.Objects;

import jakarta.validation.Valid;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.web.Flash;
import org.a4p.portal.web.Forms;

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
 * The administrators' republish of a closed cycle (beside the other actions of /admin/cycles): a confirmation
 * page that says what would change and asks why, then {@link RepublishCycle}.
 */
@Controller
@RequestMapping("/admin/cycles/{id}/republish")
class RepublishController {

	private static final String VIEW = "admin/cycles/republish";

	private final CyclePublications publications;

	private final RepublishCycle republish;

	RepublishController(CyclePublications publications, RepublishCycle republish) {
		this.publications = publications;
		this.republish = republish;
	}

	@GetMapping
	String confirm(@PathVariable long id, Model model) {
		CyclePublications.Preview preview = preview(id);
		if (preview.open()) {
			throw Refusal.because("publication.republish.open", preview.code());
		}
		model.addAttribute("republishForm", new RepublishForm());
		model.addAttribute("preview", preview);
		return VIEW;
	}

	@PostMapping
	String republish(@PathVariable long id, @Valid @ModelAttribute("republishForm") RepublishForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		CyclePublications.Preview preview = preview(id);
		if (!result.hasErrors() && Forms.attempt(result,
				() -> this.republish.republish(new RepublishCycle.Command(id, Objects.requireNonNull(form.getReason()))))
			.isPresent()) {
			Flash.add(redirect, "publication.republished", preview.code());
			return "redirect:/admin/cycles";
		}
		model.addAttribute("preview", preview);
		return VIEW;
	}

	private CyclePublications.Preview preview(long id) {
		return this.publications.preview(id).orElseThrow(() -> new NotFoundException("reporting cycle " + id));
	}

}
