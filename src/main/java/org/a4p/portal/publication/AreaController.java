package org.a4p.portal.publication;

import java.util.Locale;

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
 * An area: its statements and its commitments, each with its status distribution in the cycle chosen; with
 * {@code ?view=self-reported}, self-reported figures beside them for those allowed ({@link ReaderView}).
 */
@Controller
class AreaController {

	private final ProgressViews views;

	AreaController(ProgressViews views) {
		this.views = views;
	}

	@GetMapping("/areas/{code}")
	String area(@PathVariable String code, Edition edition,
			@RequestParam(name = "view", required = false) @Nullable String requested,
			@AuthenticationPrincipal @Nullable PortalUser user, HttpServletRequest request, Locale locale, Model model) {
		if (!CanonicalAddress.isCanonical(code)) {
			return CanonicalAddress.redirect(request, "/areas/{code}", CanonicalAddress.upper(code));
		}
		model.addAttribute("view", this.views.area(code, edition, locale).orElseThrow(() -> new NotFoundException("area " + code)));
		ReaderView reader = ReaderView.of(requested, user);
		model.addAttribute("reader", reader);
		model.addAttribute("selfReported", this.views.areaSelfReported(code, edition, reader));
		return "area";
	}

}
