package org.a4p.portal.stakeholder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.a4p.portal.cycle.CycleChoice;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.stakeholder.Applicability.Period;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The list of stakeholders, filtered by a plain GET form (works without JavaScript); endorsements and capacities
 * are judged over the period of the cycle chosen ({@code ?cycle=}, the current one by default).
 */
@Controller
class StakeholderListController {

	private final StakeholderQueries stakeholders;

	private final Clock clock;

	StakeholderListController(StakeholderQueries stakeholders, Clock clock) {
		this.stakeholders = stakeholders;
		this.clock = clock;
	}

	@GetMapping("/stakeholders")
	String list(@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String endorsed,
			@RequestParam(required = false) @Nullable String capacity, CycleChoice choice, Locale locale,
			Model model) {
		StakeholderFilters.Parsed filters = new StakeholderFilters(kind, endorsed, capacity).parse();
		CycleView cycle = choice.cycle();
		Period period = Period.of(cycle, LocalDate.now(this.clock));
		model.addAttribute("cycle", cycle);
		model.addAttribute("filters", filters);
		model.addAttribute("kinds", StakeholderFilters.KINDS);
		model.addAttribute("endorsedChoices", StakeholderFilters.ENDORSED);
		model.addAttribute("capacities", StakeholderFilters.CAPACITIES);
		model.addAttribute("items", this.stakeholders.list(filters.filter(), period, locale));
		return "stakeholders/list";
	}

}
