package org.a4p.portal.audit;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.web.RequestLinks;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page (administrators only): newest first, 50 a page, filterable. Actions, record types and
 * fields are named in the reader's language ({@code i18n/audit}); what users typed is shown as typed.
 */
@Controller
class AuditLogController {

	/** The actions the filter suggests (by code, each with its name); other modules' new actions can be typed. */
	static final List<String> ACTIONS = List.of("PROGRESS_ENTRY_CREATED", "PROGRESS_ENTRY_EDITED",
			"PROGRESS_ENTRY_SUBMITTED", "PROGRESS_ENTRY_VALIDATED", "PROGRESS_ENTRY_RETURNED", "COMMENT_POSTED",
			"ENDORSEMENT_RECORDED", "ENDORSEMENT_EDITED", "ENDORSEMENT_WITHDRAWN", "ENDORSEMENTS_IMPORTED",
			"CAPACITY_ASSIGNED", "CAPACITY_ENDED", "CYCLE_CREATED", "CYCLE_DEADLINE_CHANGED", "CYCLE_REMINDERS_CHANGED",
			"CYCLE_CLOSED", "CYCLE_REOPENED", "CYCLE_REPUBLISHED", "USER_CREATED", "USER_DISABLED", "USER_ENABLED",
			"USER_UNLOCKED", "PASSWORD_RESET", "PASSWORD_CHANGED", "SIGN_IN_FAILED", "ACCOUNT_LOCKED");

	/** The record types the filter suggests. */
	static final List<String> ENTITY_TYPES = List.of("progress_entry", "entry_comment", "endorsement",
			"endorsement_import", "capacity_assignment", "reporting_cycle", "user");

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
		model.addAttribute("actions", ACTIONS);
		model.addAttribute("entityTypes", ENTITY_TYPES);
		return "admin/audit";
	}

}
