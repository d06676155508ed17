package org.a4p.portal.work;

import java.util.Locale;
import java.util.Objects;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.account.Role;
import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The entries a signed-in user may see in a cycle (the open one by default): a delegate sees their
 * own state's; Secretariat staff choose any stakeholder the commitments apply to (the Secretariat by
 * default).
 */
@Controller
class EntriesController {

	private final CycleQueries cycles;

	private final EntryListQuery entries;

	EntriesController(CycleQueries cycles, EntryListQuery entries) {
		this.cycles = cycles;
		this.entries = entries;
	}

	@GetMapping("/entries")
	String list(@RequestParam(required = false) @Nullable String cycle,
			@RequestParam(required = false) @Nullable String stakeholder, @AuthenticationPrincipal @Nullable PortalUser principal,
			Locale locale, Model model) {
		PortalUser user = PortalUser.signedIn(principal);
		CycleView selected = this.cycles.selected(cycle);
		String code;
		if (user.is(Role.DELEGATE)) {
			code = Objects.requireNonNull(user.stakeholderCode());
			if (stakeholder != null && !stakeholder.isBlank() && !stakeholder.equals(code)) {
				throw new AccessDeniedException("A delegate sees their own state's entries only");
			}
		}
		else {
			code = (stakeholder == null || stakeholder.isBlank()) ? "SECRETARIAT" : stakeholder.trim();
		}
		long stakeholderId = this.entries.stakeholderId(code)
			.orElseThrow(() -> new NotFoundException("stakeholder " + code));
		if (!user.maySeeUnpublishedOf(stakeholderId)) {
			throw new AccessDeniedException("Not allowed to see entries of " + code);
		}
		model.addAttribute("cycles", this.cycles.all());
		model.addAttribute("cycle", selected);
		model.addAttribute("stakeholder", code);
		model.addAttribute("chooseStakeholder", !user.is(Role.DELEGATE));
		if (selected != null) {
			if (!user.is(Role.DELEGATE)) {
				model.addAttribute("stakeholders", this.entries.stakeholdersBound(selected.id(), locale));
			}
			model.addAttribute("entries", this.entries.forStakeholder(stakeholderId, selected, locale).orElseThrow());
		}
		return "progress/entries";
	}

}
