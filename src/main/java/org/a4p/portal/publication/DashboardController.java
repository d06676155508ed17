package org.a4p.portal.publication;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.account.Role;
import org.a4p.portal.catalogue.CatalogueQueries.AreaSummary;
import org.a4p.portal.catalogue.CatalogueQueries;
import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.endorsement.EndorsementQueries;
import org.a4p.portal.progress.Basis;
import org.a4p.portal.progress.FiguresQuery.Filter;
import org.a4p.portal.progress.FiguresQuery.GroupBy;
import org.a4p.portal.progress.FiguresQuery;
import org.a4p.portal.progress.StatusDistribution;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public dashboard: progress per area in the current cycle, and endorsements. The public sees
 * validated figures only; with {@code ?view=self-reported}, Secretariat staff and administrators see
 * figures that also count submissions not yet validated, and a delegate sees them for their own
 * state only, labelled as such. Anyone else asking for that view gets the public one.
 */
@Controller
class DashboardController {

	static final String SELF_REPORTED = "self-reported";

	/** An area with its figures. */
	record AreaFigures(AreaSummary area, StatusDistribution distribution) {
	}

	/**
	 * Which figures the page shows.
	 *
	 * @param selfReported counting submissions not yet validated
	 * @param stakeholderCode the one stakeholder counted (a delegate's own state), or {@code null} for all
	 * @param switchOffered the user may switch between the two views
	 */
	record View(boolean selfReported, @Nullable String stakeholderCode, boolean switchOffered) {
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
	String dashboard(@RequestParam(name = "view", required = false) @Nullable String requested,
			@AuthenticationPrincipal @Nullable PortalUser user, Locale locale, Model model) {
		View view = view(requested, user);
		CycleView cycle = this.cycles.current().orElse(null);
		List<AreaSummary> areas = this.catalogue.areas(locale);
		Filter filter = (view.stakeholderCode() != null) ? Filter.stakeholder(view.stakeholderCode()) : Filter.NONE;
		Map<String, StatusDistribution> byArea = (cycle != null) ? this.figures.distributions(cycle.id(),
				GroupBy.AREA, view.selfReported() ? Basis.SELF_REPORTED : Basis.PUBLISHED, filter) : Map.of();
		StatusDistribution overall = StatusDistribution.sum(byArea.values());
		model.addAttribute("view", view);
		model.addAttribute("cycle", cycle);
		model.addAttribute("areas", areas.stream()
			.map((area) -> new AreaFigures(area, byArea.getOrDefault(area.code(), StatusDistribution.EMPTY)))
			.toList());
		model.addAttribute("overall", overall);
		model.addAttribute("recorded", this.endorsements.recordedCounts());
		model.addAttribute("published", this.endorsements.latestPublished().orElse(null));
		return "dashboard";
	}

	static View view(@Nullable String requested, @Nullable PortalUser user) {
		boolean offered = user != null && user.maySeeSelfReported();
		if (!offered || !SELF_REPORTED.equals(requested)) {
			return new View(false, null, offered);
		}
		return new View(true, user.is(Role.DELEGATE) ? user.stakeholderCode() : null, true);
	}

}
