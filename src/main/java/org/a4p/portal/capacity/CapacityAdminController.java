package org.a4p.portal.capacity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.stakeholder.StakeholderDirectory;
import org.a4p.portal.web.ConflictPage;
import org.a4p.portal.web.Flash;
import org.a4p.portal.web.Forms;
import org.a4p.portal.web.RequestLinks;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of capacity assignments (administrators only): list, assign, end. */
@Controller
@RequestMapping("/admin/capacities")
class CapacityAdminController {

	private static final String LIST = "/admin/capacities";

	/** The capacities a state holds over a period, in the order forms offer them. */
	static final List<Capacity> ASSIGNABLE = List.of(Capacity.SECURITY_COUNCIL, Capacity.TPCC, Capacity.HOST_STATE);

	private final CapacityQueries queries;

	private final StakeholderDirectory stakeholders;

	private final AssignCapacity assignCapacity;

	private final EndCapacityAssignment endAssignment;

	private final Clock clock;

	CapacityAdminController(CapacityQueries queries, StakeholderDirectory stakeholders, AssignCapacity assignCapacity,
			EndCapacityAssignment endAssignment, Clock clock) {
		this.queries = queries;
		this.stakeholders = stakeholders;
		this.assignCapacity = assignCapacity;
		this.endAssignment = endAssignment;
		this.clock = clock;
	}

	@ModelAttribute("capacities")
	List<Capacity> capacities() {
		return ASSIGNABLE;
	}

	@GetMapping
	String list(@ModelAttribute("filter") CapacityFilter filter, BindingResult result,
			@RequestParam(name = "page", required = false) @Nullable String page, HttpServletRequest request,
			Locale locale, Model model) {
		RequestLinks.addPage(model, request,
				this.queries.page(filter.toQuery(), RequestLinks.pageNumber(page), LocalDate.now(this.clock), locale));
		return "admin/capacities/list";
	}

	@GetMapping("/new")
	String newForm(Locale locale, Model model) {
		model.addAttribute("assignmentForm", new AssignmentForm());
		return assignPage(locale, model);
	}

	@PostMapping
	String assign(@Valid @ModelAttribute("assignmentForm") AssignmentForm form, BindingResult result, Locale locale,
			Model model, RedirectAttributes redirect) {
		AssignCapacity.Command command = form.toCommand();
		return Forms.attempt(result, () -> this.assignCapacity.assign(command), () -> this.assignCapacity.problems(command))
			.map((stateCode) -> Flash.redirect(redirect, LIST, "admin.capacities.assigned", stateCode))
			.orElseGet(() -> assignPage(locale, model));
	}

	private String assignPage(Locale locale, Model model) {
		model.addAttribute("states", this.stakeholders.memberStates(locale));
		return "admin/capacities/new";
	}

	@GetMapping("/{id}/end")
	String endForm(@PathVariable long id, Locale locale, Model model) {
		CapacityQueries.Row row = row(id, locale);
		model.addAttribute("endAssignmentForm", EndAssignmentForm.of(row));
		model.addAttribute("assignment", row);
		return "admin/capacities/end";
	}

	@PostMapping("/{id}/end")
	Object end(@PathVariable long id, @Valid @ModelAttribute("endAssignmentForm") EndAssignmentForm form,
			BindingResult result, Locale locale, Model model, RedirectAttributes redirect) {
		CapacityQueries.Row row = row(id, locale);
		model.addAttribute("assignment", row);
		return Forms.edit(form, result, () -> this.endAssignment.end(id, form.toCommand()),
				(changed) -> Flash.redirect(redirect, LIST, changed ? "admin.capacities.ended" : "admin.form.unchanged",
						row.stateCode()),
				() -> {
					CapacityQueries.Row now = row(id, locale);
					return ConflictPage.of(now.stateName() + " (" + now.stateCode() + ") – " + now.capacity(),
							LIST + "/" + id + "/end", form.conflictRows(now));
				}, "admin/capacities/end");
	}

	private CapacityQueries.Row row(long id, Locale locale) {
		return this.queries.byId(id, LocalDate.now(this.clock), locale)
			.orElseThrow(() -> new NotFoundException("capacity assignment " + id));
	}

}
