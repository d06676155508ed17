package org.a4p.portal.publication;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A commitment: its text, owner and source, and the published status of each stakeholder it applies to. */
@Controller
class CommitmentController {

	private final ProgressViews views;

	CommitmentController(ProgressViews views) {
		this.views = views;
	}

	@GetMapping("/commitments/{code}")
	String commitment(@PathVariable String code, HttpServletRequest request, Locale locale, Model model) {
		if (!CanonicalAddress.isCanonical(code)) {
			return CanonicalAddress.redirect(request, "/commitments/{code}", CanonicalAddress.upper(code));
		}
		model.addAttribute("view",
				this.views.commitment(code, locale).orElseThrow(() -> new NotFoundException("commitment " + code)));
		return "commitment";
	}

}
