package org.a4p.portal.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administration home: links to each section. */
@Controller
class AdminController {

	@GetMapping("/admin")
	String index() {
		return "admin/index";
	}

}
