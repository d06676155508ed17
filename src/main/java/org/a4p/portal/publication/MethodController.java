package org.a4p.portal.publication;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** How the figures are counted (product brief sections 2 and 3). */
@Controller
class MethodController {

	@GetMapping("/method")
	String method() {
		return "method";
	}

}
