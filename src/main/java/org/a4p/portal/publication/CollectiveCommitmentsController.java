package org.a4p.portal.publication;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.a4p.portal.catalogue.CatalogueQueries.AreaSummary;
import org.a4p.portal.catalogue.CatalogueQueries.CommitmentSummary;
import org.a4p.portal.catalogue.CatalogueQueries;
import org.a4p.portal.catalogue.Owner;
import org.a4p.portal.cycle.CycleChoice;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.progress.Basis;
import org.a4p.portal.progress.FiguresQuery.Filter;
import org.a4p.portal.progress.FiguresQuery.GroupBy;
import org.a4p.portal.progress.FiguresQuery;
import org.a4p.portal.progress.StatusDistribution;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * How all endorsers stand on each collective commitment (made by all endorsers together: every endorsing Member
 * State and organization, and the Secretariat) in a cycle: its distribution over every stakeholder it applies to,
 * and the collective commitments as a whole. One aggregate query, grouped by commitment.
 */
@Controller
class CollectiveCommitmentsController {

	/** A collective commitment with its figures, and the short name of its area. */
	record CommitmentRow(CommitmentSummary commitment, String areaShortName, StatusDistribution distribution) {
	}

	private final CatalogueQueries catalogue;

	private final FiguresQuery figures;

	CollectiveCommitmentsController(CatalogueQueries catalogue, FiguresQuery figures) {
		this.catalogue = catalogue;
		this.figures = figures;
	}

	@GetMapping("/commitments/collective")
	String collective(CycleChoice choice, Locale locale, Model model) {
		CycleView shown = choice.cycle();
		Map<String, String> areaNames = new HashMap<>();
		for (AreaSummary area : this.catalogue.areas(locale)) {
			areaNames.put(area.code(), area.shortName());
		}
		Map<String, StatusDistribution> byCommitment = (shown != null)
				? this.figures.distributions(shown.id(), GroupBy.COMMITMENT, Basis.PUBLISHED, Filter.NONE) : Map.of();
		List<CommitmentRow> rows = this.catalogue.commitments(locale)
			.stream()
			.filter((c) -> c.owner() == Owner.COLLECTIVE)
			.map((c) -> new CommitmentRow(c, areaNames.getOrDefault(c.areaCode(), c.areaCode()),
					byCommitment.getOrDefault(c.code(), StatusDistribution.EMPTY)))
			.toList();
		model.addAttribute("cycle", shown);
		// the cycle shown, kept in links between the public pages (none: the current cycle)
		model.addAttribute("cycleParam", choice.carriedCode());
		model.addAttribute("rows", rows);
		model.addAttribute("total", StatusDistribution.sum(rows.stream().map(CommitmentRow::distribution).toList()));
		return "collective";
	}

}
