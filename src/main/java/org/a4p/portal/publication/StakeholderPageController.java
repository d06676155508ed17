package org.a4p.portal.publication;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.account.PortalUser;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.stakeholder.StakeholderKind;
import org.a4p.portal.stakeholder.StakeholderQueries;
import org.a4p.portal.stakeholder.StakeholderRef;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of one stakeholder: endorsement, capacities, what applies in the cycle chosen with the
 * published status of each, or what would apply if it endorsed. It lives beside the other pages that
 * show progress, so that progress depends on the stakeholder feature and not the reverse.
 */
@Controller
class StakeholderPageController {

	private static final String SECRETARIAT = "SECRETARIAT";

	private final StakeholderQueries stakeholders;

	private final ProgressViews views;

	StakeholderPageController(StakeholderQueries stakeholders, ProgressViews views) {
		this.stakeholders = stakeholders;
		this.views = views;
	}

	@GetMapping("/stakeholders/secretariat")
	String secretariat(Edition edition, @RequestParam(name = "view", required = false) @Nullable String requested,
			@AuthenticationPrincipal @Nullable PortalUser user, Locale locale, Model model) {
		return page(StakeholderKind.SECRETARIAT, SECRETARIAT, edition, ReaderView.ofStakeholder(requested, user,
				SECRETARIAT), locale, model);
	}

	@GetMapping("/stakeholders/{iso3}")
	String memberState(@PathVariable String iso3, Edition edition,
			@RequestParam(name = "view", required = false) @Nullable String requested,
			@AuthenticationPrincipal @Nullable PortalUser user, HttpServletRequest request, Locale locale,
			Model model) {
		if (SECRETARIAT.equals(CanonicalAddress.upper(iso3))) {
			return CanonicalAddress.redirect(request, "/stakeholders/secretariat", SECRETARIAT);
		}
		if (!CanonicalAddress.isCanonical(iso3)) {
			return CanonicalAddress.redirect(request, "/stakeholders/{code}", CanonicalAddress.upper(iso3));
		}
		return page(StakeholderKind.MEMBER_STATE, iso3, edition, ReaderView.ofStakeholder(requested, user, iso3),
				locale, model);
	}

	@GetMapping("/organizations/{code}")
	String organization(@PathVariable String code, Edition edition,
			@RequestParam(name = "view", required = false) @Nullable String requested,
			@AuthenticationPrincipal @Nullable PortalUser user, HttpServletRequest request, Locale locale,
			Model model) {
		if (!CanonicalAddress.isCanonical(code)) {
			return CanonicalAddress.redirect(request, "/organizations/{code}", CanonicalAddress.upper(code));
		}
		return page(StakeholderKind.ORGANIZATION, code, edition, ReaderView.ofStakeholder(requested, user, code),
				locale, model);
	}

	private String page(StakeholderKind kind, String code, Edition edition, ReaderView reader, Locale locale,
			Model model) {
		StakeholderRef stakeholder = this.stakeholders.find(code, locale)
			.filter((s) -> s.kind() == kind)
			.orElseThrow(() -> new NotFoundException(kind + " " + code));
		model.addAttribute("view", this.views.stakeholder(stakeholder, edition, locale));
		model.addAttribute("reader", reader);
		model.addAttribute("selfReported", this.views.stakeholderSelfReported(code, edition, reader));
		return "stakeholders/stakeholder";
	}

}
