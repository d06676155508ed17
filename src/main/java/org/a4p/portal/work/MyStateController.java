package org.a4p.portal.work;

import java.util.List;
import java.util.Locale;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A delegate's home: their Member State (endorsement, capacities), and the commitments it reports on in the
 * current cycle, each once, with its entry (drafts, submissions, returned entries with the review comment,
 * what is overdue) and a link to its page; {@code ?show=returned} and the like list those only.
 */
@Controller
class MyStateController {

	private final MyStateQuery query;

	private final CycleQueries cycles;

	private final EntryListQuery entries;

	MyStateController(MyStateQuery query, CycleQueries cycles, EntryListQuery entries) {
		this.query = query;
		this.cycles = cycles;
		this.entries = entries;
	}

	@GetMapping("/my")
	String my(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) @Nullable String show, Locale locale,
			Model model) {
		Long stakeholderId = user.stakeholderId();
		if (stakeholderId == null || !user.maySeeUnpublishedOf(stakeholderId)) {
			throw new AccessDeniedException("Only a Member State's delegate has a state");
		}
		EntryListQuery.Show shown = EntryListQuery.Show.of(show);
		CycleView cycle = this.cycles.current().orElse(null);
		model.addAttribute("state", this.query.state(stakeholderId, locale));
		model.addAttribute("cycle", cycle);
		model.addAttribute("capacities", (cycle != null) ? this.query.capacities(stakeholderId, cycle) : List.of());
		// every applicable commitment once, with the state's entry: returned and overdue ones first
		model.addAttribute("entries", (cycle != null)
				? this.entries.forStakeholder(stakeholderId, cycle, locale).map((e) -> e.showing(shown)).orElse(null)
				: null);
		return "account/my";
	}

}
