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
 * A commitment: its text, owner and source, the published status of each stakeholder it applies to and what was
 * validated; with {@code ?view=self-reported}, self-reported statuses beside them for those allowed.
 */
@Controller
class CommitmentController {

	private final ProgressViews views;

	CommitmentController(ProgressViews views) {
		this.views = views;
	}

	@GetMapping("/commitments/{code}")
	String commitment(@PathVariable String code, Edition edition,
			@RequestParam(name = "view", required = false) @Nullable String requested,
			@AuthenticationPrincipal @Nullable PortalUser user, HttpServletRequest request, Locale locale,
			Model model) {
		if (!CanonicalAddress.isCanonical(code)) {
			return CanonicalAddress.redirect(request, "/commitments/{code}", CanonicalAddress.upper(code));
		}
		model.addAttribute("view",
				this.views.commitment(code, edition, locale).orElseThrow(() -> new NotFoundException("commitment " + code)));
		ReaderView reader = ReaderView.of(requested, user);
		model.addAttribute("reader", reader);
		model.addAttribute("selfReported", this.views.commitmentSelfReported(code, edition, reader));
		return "commitment";
	}

}
