package org.a4p.portal.publication;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An area: its statements and its commitments, each with its status distribution in the current cycle. */
@Controller
class AreaController {

	private final ProgressViews views;

	AreaController(ProgressViews views) {
		this.views = views;
	}

	@GetMapping("/areas/{code}")
	String area(@PathVariable String code, HttpServletRequest request, Locale locale, Model model) {
		if (!CanonicalAddress.isCanonical(code)) {
			return CanonicalAddress.redirect(request, "/areas/{code}", CanonicalAddress.upper(code));
		}
		model.addAttribute("view", this.views.area(code, locale).orElseThrow(() -> new NotFoundException("area " + code)));
		return "area";
	}

}
