package org.a4p.portal.account;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in user's own account page. */
@Controller
class AccountController {

	@GetMapping("/account")
	String account(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("user", user);
		return "account/home";
	}

}
