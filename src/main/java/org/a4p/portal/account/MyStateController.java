package org.a4p.portal.account;

import java.util.List;
import java.util.Locale;

import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A delegate's home: their Member State and the commitments it reports on in the current cycle. */
@Controller
class MyStateController {

	private final MyStateQuery query;

	private final CycleQueries cycles;

	MyStateController(MyStateQuery query, CycleQueries cycles) {
		this.query = query;
		this.cycles = cycles;
	}

	@GetMapping("/my")
	String my(@AuthenticationPrincipal PortalUser user, Locale locale, Model model) {
		Long stakeholderId = user.stakeholderId();
		if (stakeholderId == null) {
			throw new AccessDeniedException("Only a Member State's delegate has a state");
		}
		CycleView cycle = this.cycles.current().orElse(null);
		model.addAttribute("state", this.query.state(stakeholderId, locale));
		model.addAttribute("cycle", cycle);
		model.addAttribute("capacities", (cycle != null) ? this.query.capacities(stakeholderId, cycle) : List.of());
		model.addAttribute("areas",
				(cycle != null) ? this.query.commitments(stakeholderId, cycle.id(), locale) : List.of());
		return "account/my";
	}

}
