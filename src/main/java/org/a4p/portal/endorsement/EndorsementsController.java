package org.a4p.portal.endorsement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.a4p.portal.cycle.CycleChoice;
import org.a4p.portal.endorsement.EndorsementQueries.MonthCount;
import org.a4p.portal.endorsement.EndorsementQueries.PublishedCount;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Endorsements recorded in the portal and, apart, the counts the UN has published over time; a chart of both over
 * the months, with its numbers as a table; for the cycle chosen ({@code ?cycle=}), how many were bound by the
 * Declaration in it, as the public sees that cycle.
 */
@Controller
class EndorsementsController {

	private final EndorsementQueries endorsements;

	private final Clock clock;

	EndorsementsController(EndorsementQueries endorsements, Clock clock) {
		this.endorsements = endorsements;
		this.clock = clock;
	}

	@GetMapping("/endorsements")
	String endorsements(CycleChoice choice, Locale locale, Model model) {
		if (choice.cycle() != null) {
			model.addAttribute("boundInCycle", this.endorsements.boundInCycle(choice.cycle().id()));
		}
		model.addAttribute("recorded", this.endorsements.recorded(locale));
		model.addAttribute("recordedCounts", this.endorsements.recordedCounts());
		List<PublishedCount> published = this.endorsements.publishedCounts();
		model.addAttribute("published", published);
		List<MonthCount> months = this.endorsements.inForceByMonth(LocalDate.now(this.clock));
		// Arabic is written from right to left: time runs from right to left in the chart too
		boolean rtl = "ar".equals(locale.getLanguage());
		model.addAttribute("chart", EndorsementChart.of(months, published, rtl));
		model.addAttribute("narrowChart", EndorsementChart.narrow(months, published, rtl));
		return "endorsements";
	}

}
