package org.a4p.portal.publication;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.account.PortalUser;
import org.a4p.portal.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The catalogue's public pages, in the cycle and publication chosen ({@link Edition}): an area (its statements
 * and its commitments, each with its status distribution) and a commitment (its text, owner and source, the
 * published status of each stakeholder it applies to and what was validated). With {@code ?view=self-reported},
 * self-reported figures beside them for those allowed ({@link ReaderView}).
 */
@Controller
class CatalogueController {

	private final ProgressViews views;

	CatalogueController(ProgressViews views) {
		this.views = views;
	}

	@GetMapping("/areas/{code}")
	String area(@PathVariable String code, Edition edition,
			@RequestParam(name = "view", required = false) @Nullable String requested,
			@AuthenticationPrincipal @Nullable PortalUser user, HttpServletRequest request, Locale locale,
			Model model) {
		ReaderView reader = ReaderView.of(requested, user);
		String page = page(code, "/areas/{code}", (c) -> this.views.area(c, edition, locale), "area", request, model);
		if (page.equals("area")) {
			model.addAttribute("reader", reader);
			model.addAttribute("selfReported", this.views.areaSelfReported(code, edition, reader));
		}
		return page;
	}

	@GetMapping("/commitments/{code}")
	String commitment(@PathVariable String code, Edition edition,
			@RequestParam(name = "view", required = false) @Nullable String requested,
			@AuthenticationPrincipal @Nullable PortalUser user, HttpServletRequest request, Locale locale,
			Model model) {
		ReaderView reader = ReaderView.of(requested, user);
		String page = page(code, "/commitments/{code}", (c) -> this.views.commitment(c, edition, locale),
				"commitment", request, model);
		if (page.equals("commitment")) {
			model.addAttribute("reader", reader);
			model.addAttribute("selfReported", this.views.commitmentSelfReported(code, edition, reader));
		}
		return page;
	}

	/** The page at its canonical address (a redirect there from another spelling), or 404 for an unknown code. */
	private static String page(String code, String address, Function<String, Optional<?>> view, String name,
			HttpServletRequest request, Model model) {
		if (!CanonicalAddress.isCanonical(code)) {
			return CanonicalAddress.redirect(request, address, CanonicalAddress.upper(code));
		}
		model.addAttribute("view", view.apply(code).orElseThrow(() -> new NotFoundException(name + " " + code)));
		return name;
	}

}
