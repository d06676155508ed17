package org.a4p.portal.progress;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.a4p.portal.catalogue.CatalogueQueries;
import org.a4p.portal.catalogue.CatalogueQueries.AreaSummary;
import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.endorsement.EndorsementQueries;
import org.a4p.portal.progress.FiguresQuery.Filter;
import org.a4p.portal.progress.FiguresQuery.GroupBy;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public dashboard: progress per area in the current cycle, and endorsements. */
@Controller
class DashboardController {

	/** An area with its figures. */
	record AreaFigures(AreaSummary area, StatusDistribution distribution) {
	}

	private final CatalogueQueries catalogue;

	private final CycleQueries cycles;

	private final FiguresQuery figures;

	private final EndorsementQueries endorsements;

	DashboardController(CatalogueQueries catalogue, CycleQueries cycles, FiguresQuery figures,
			EndorsementQueries endorsements) {
		this.catalogue = catalogue;
		this.cycles = cycles;
		this.figures = figures;
		this.endorsements = endorsements;
	}

	@GetMapping("/")
	String dashboard(Locale locale, Model model) {
		CycleView cycle = this.cycles.current().orElse(null);
		List<AreaSummary> areas = this.catalogue.areas(locale);
		Map<String, StatusDistribution> byArea = (cycle != null)
				? this.figures.distributions(cycle.id(), GroupBy.AREA, Basis.PUBLISHED, Filter.NONE) : Map.of();
		StatusDistribution overall = StatusDistribution.sum(byArea.values());
		model.addAttribute("cycle", cycle);
		model.addAttribute("areas", areas.stream()
			.map((area) -> new AreaFigures(area, byArea.getOrDefault(area.code(), StatusDistribution.EMPTY)))
			.toList());
		model.addAttribute("overall", overall);
		model.addAttribute("recorded", this.endorsements.recordedCounts());
		model.addAttribute("published", this.endorsements.latestPublished().orElse(null));
		return "dashboard";
	}

}
