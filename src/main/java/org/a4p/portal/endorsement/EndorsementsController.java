package org.a4p.portal.endorsement;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Endorsements recorded in the portal and, apart, the counts the UN has published over time. */
@Controller
class EndorsementsController {

	private final EndorsementQueries endorsements;

	EndorsementsController(EndorsementQueries endorsements) {
		this.endorsements = endorsements;
	}

	@GetMapping("/endorsements")
	String endorsements(Locale locale, Model model) {
		model.addAttribute("recorded", this.endorsements.recorded(locale));
		model.addAttribute("recordedCounts", this.endorsements.recordedCounts());
		model.addAttribute("published", this.endorsements.publishedCounts());
		return "endorsements";
	}

}
