package org.a4p.portal.work;

import java.util.List;
import java.util.Locale;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.work.EntryListQuery;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A delegate's home: their Member State, the commitments it reports on in the current cycle (each
 * with a link to its entry form), and the state of its entries (drafts, submissions, returned
 * entries with the review comment, the deadline) from the progress feature.
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
	String my(@AuthenticationPrincipal PortalUser user, Locale locale, Model model) {
		Long stakeholderId = user.stakeholderId();
		if (stakeholderId == null || !user.maySeeUnpublishedOf(stakeholderId)) {
			throw new AccessDeniedException("Only a Member State's delegate has a state");
		}
		CycleView cycle = this.cycles.current().orElse(null);
		List<MyStateQuery.AreaGroup> areas = (cycle != null) ? this.query.commitments(stakeholderId, cycle.id(), locale)
				: List.of();
		model.addAttribute("state", this.query.state(stakeholderId, locale));
		model.addAttribute("cycle", cycle);
		model.addAttribute("capacities", (cycle != null) ? this.query.capacities(stakeholderId, cycle) : List.of());
		model.addAttribute("areas", areas);
		// The same cycle as the rows above (EntryListQuery.inCurrentCycle would look it up again).
		model.addAttribute("entries", (cycle != null && !areas.isEmpty())
				? this.entries.forStakeholder(stakeholderId, cycle, locale).orElse(null) : null);
		return "account/my";
	}

}
