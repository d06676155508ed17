package org.a4p.portal.publication;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.catalogue.CatalogueQueries.AreaSummary;
import org.a4p.portal.catalogue.CatalogueQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.endorsement.EndorsementQueries;
import org.a4p.portal.progress.Change;
import org.a4p.portal.progress.FiguresQuery.Filter;
import org.a4p.portal.progress.FiguresQuery.GroupBy;
import org.a4p.portal.progress.FiguresQuery;
import org.a4p.portal.progress.Pairs;
import org.a4p.portal.progress.StatusDistribution;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public dashboard: progress per area in the cycle chosen (the current one by default), and endorsements. The public sees
 * validated figures only; with {@code ?view=self-reported}, Secretariat staff and administrators see
 * figures that also count submissions not yet validated, and a delegate sees them for their own
 * state only, labelled as such. Anyone else asking for that view gets the public one.
 */
@Controller
class DashboardController {

	/** An area with its figures. */
	record AreaFigures(AreaSummary area, StatusDistribution distribution, @Nullable Change change) {
	}

	private final CatalogueQueries catalogue;

	private final FiguresQuery figures;

	private final EndorsementQueries endorsements;

	DashboardController(CatalogueQueries catalogue, FiguresQuery figures, EndorsementQueries endorsements) {
		this.catalogue = catalogue;
		this.figures = figures;
		this.endorsements = endorsements;
	}

	@GetMapping("/")
	String dashboard(@RequestParam(name = "view", required = false) @Nullable String requested, Edition edition,
			@AuthenticationPrincipal @Nullable PortalUser user, Locale locale, Model model) {
		ReaderView view = ReaderView.of(requested, user);
		CycleView cycle = edition.cycle();
		List<AreaSummary> areas = this.catalogue.areas(locale);
		Filter filter = view.narrow(Filter.NONE);
		Map<String, StatusDistribution> byArea = (cycle != null) ? this.figures.distributions(cycle.id(),
				GroupBy.AREA, view.selfReported() ? Pairs.SELF_REPORTED : edition.pairs(), filter) : Map.of();
		StatusDistribution overall = StatusDistribution.sum(byArea.values());
		// the change since the previous cycle, of what the public sees (not of self-reported figures)
		Map<String, Change> changes = (cycle != null && !view.selfReported())
				? this.figures.changes(cycle.id(), GroupBy.AREA, edition.pairs(), filter) : Map.of();
		model.addAttribute("changes", changes);
		model.addAttribute("overallChange", changes.get(FiguresQuery.TOTAL));
		model.addAttribute("previousCycle",
				changes.values().stream().map(Change::previousCycle).findFirst().orElse(null));
		model.addAttribute("view", view);
		model.addAttribute("cycle", cycle);
		model.addAttribute("areas", areas.stream()
			.map((area) -> new AreaFigures(area, byArea.getOrDefault(area.code(), StatusDistribution.EMPTY),
					changes.get(area.code())))
			.toList());
		model.addAttribute("overall", overall);
		model.addAttribute("recorded", this.endorsements.recordedCounts());
		model.addAttribute("published", this.endorsements.latestPublished().orElse(null));
		return "dashboard";
	}

}
