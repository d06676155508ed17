package org.a4p.portal.publication;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The catalogue's public pages: an area (its statements and its commitments, each with its status
 * distribution in the current cycle) and a commitment (its text, owner and source, and the published
 * status of each stakeholder it applies to).
 */
@Controller
class CatalogueController {

	private final ProgressViews views;

	CatalogueController(ProgressViews views) {
		this.views = views;
	}

	@GetMapping("/areas/{code}")
	String area(@PathVariable String code, HttpServletRequest request, Locale locale, Model model) {
		return page(code, "/areas/{code}", (c) -> this.views.area(c, locale), "area", request, model);
	}

	@GetMapping("/commitments/{code}")
	String commitment(@PathVariable String code, HttpServletRequest request, Locale locale, Model model) {
		return page(code, "/commitments/{code}", (c) -> this.views.commitment(c, locale), "commitment", request, model);
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
