package org.a4p.portal.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.web.RequestLinks;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page (administrators only): newest first, 50 a page, filterable. */
@Controller
class AuditLogController {

	private final AuditQueries queries;

	AuditLogController(AuditQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/admin/audit")
	String log(@ModelAttribute("filter") AuditFilterForm filter, BindingResult result,
			@RequestParam(name = "page", required = false) @Nullable String page, HttpServletRequest request,
			Model model) {
		filter.checkPeriod(result);
		RequestLinks.addPage(model, request, this.queries.page(filter.toQuery(), RequestLinks.pageNumber(page)));
		return "admin/audit";
	}

}
