package org.a4p.portal.endorsement;

import java.util.Locale;

import org.a4p.portal.cycle.CycleChoice;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Endorsements recorded in the portal and, apart, the counts the UN has published over time; for the cycle
 * chosen ({@code ?cycle=}), how many were bound by the Declaration in it, as the public sees that cycle.
 */
@Controller
class EndorsementsController {

	private final EndorsementQueries endorsements;

	EndorsementsController(EndorsementQueries endorsements) {
		this.endorsements = endorsements;
	}

	@GetMapping("/endorsements")
	String endorsements(CycleChoice choice, Locale locale, Model model) {
		if (choice.cycle() != null) {
			model.addAttribute("boundInCycle", this.endorsements.boundInCycle(choice.cycle().id()));
		}
		model.addAttribute("recorded", this.endorsements.recorded(locale));
		model.addAttribute("recordedCounts", this.endorsements.recordedCounts());
		model.addAttribute("published", this.endorsements.publishedCounts());
		return "endorsements";
	}

}
