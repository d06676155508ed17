package org.a4p.portal.work;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.a4p.portal.catalogue.CatalogueQueries;
import org.a4p.portal.catalogue.CatalogueQueries.AreaSummary;
import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.review.ReviewCounts;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Secretariat's work page, where staff land after signing in: in the current cycle, what waits for review
 * (counts, by area, with links to the queue), the entries they entered on behalf of states and organizations, and
 * the Secretariat's own entries (each commitment once, returned and overdue first; {@code ?show=returned} and the
 * like list those only).
 */
@Controller
class SecretariatHomeController {

	private final CycleQueries cycles;

	private final EntryListQuery entries;

	private final SecretariatWorkQuery work;

	private final ReviewCounts review;

	private final CatalogueQueries catalogue;

	SecretariatHomeController(CycleQueries cycles, EntryListQuery entries, SecretariatWorkQuery work,
			ReviewCounts review, CatalogueQueries catalogue) {
		this.cycles = cycles;
		this.catalogue = catalogue;
		this.entries = entries;
		this.work = work;
		this.review = review;
	}

	@GetMapping("/secretariat")
	String home(@RequestParam(required = false) @Nullable String show, Locale locale, Model model) {
		EntryListQuery.Show shown = EntryListQuery.Show.of(show);
		CycleView cycle = this.cycles.current().orElse(null);
		model.addAttribute("cycle", cycle);
		if (cycle != null) {
			model.addAttribute("waiting", this.review.waiting(cycle.id()));
			// the areas' short names in the reader's language, for the counts by area
			Map<String, String> areaNames = this.catalogue.areas(locale)
				.stream()
				.collect(Collectors.toMap(AreaSummary::code, AreaSummary::shortName));
			model.addAttribute("areaNames", areaNames);
			model.addAttribute("onBehalf", this.work.onBehalf(cycle.id(), locale));
			model.addAttribute("entries", this.work.secretariatId()
				.flatMap((id) -> this.entries.forStakeholder(id, cycle, locale))
				.map((list) -> list.showing(shown))
				.orElse(null));
		}
		return "work/secretariat";
	}

}
