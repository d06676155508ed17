package org.a4p.portal.cycle;

import java.util.List;
import java.util.function.Function;

import jakarta.validation.Valid;
import org.a4p.portal.audit.AuditQueries;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.web.ConflictPage;
import org.a4p.portal.web.Flash;
import org.a4p.portal.web.Forms;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of reporting cycles (administrators only): list, create, deadline, close, reopen. */
@Controller
@RequestMapping("/admin/cycles")
class CycleAdminController {

	private static final String LIST = "/admin/cycles";

	private final CycleQueries queries;

	private final CreateCycle createCycle;

	private final ChangeCycleDeadline changeDeadline;

	private final CloseCycle closeCycle;

	private final ReopenCycle reopenCycle;

	private final AuditQueries audit;

	CycleAdminController(CycleQueries queries, CreateCycle createCycle, ChangeCycleDeadline changeDeadline,
			CloseCycle closeCycle, ReopenCycle reopenCycle, AuditQueries audit) {
		this.audit = audit;
		this.queries = queries;
		this.createCycle = createCycle;
		this.changeDeadline = changeDeadline;
		this.closeCycle = closeCycle;
		this.reopenCycle = reopenCycle;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("cycles", this.queries.adminAll());
		return "admin/cycles/list";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("cycleForm", new CycleForm());
		return "admin/cycles/new";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("cycleForm") CycleForm form, BindingResult result,
			RedirectAttributes redirect) {
		CreateCycle.Command command = form.toCommand();
		return Forms.attempt(result, () -> this.createCycle.create(command), () -> this.createCycle.problems(command))
			.map((code) -> Flash.redirect(redirect, LIST, "admin.cycles.created", code))
			.orElse("admin/cycles/new");
	}

	@GetMapping("/{id}/deadline")
	String deadlineForm(@PathVariable long id, Model model) {
		CycleQueries.AdminCycle cycle = cycle(id);
		model.addAttribute("deadlineForm", DeadlineForm.of(cycle));
		model.addAttribute("cycle", cycle);
		return "admin/cycles/deadline";
	}

	@PostMapping("/{id}/deadline")
	Object deadline(@PathVariable long id, @Valid @ModelAttribute("deadlineForm") DeadlineForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		CycleQueries.AdminCycle cycle = cycle(id);
		model.addAttribute("cycle", cycle);
		return Forms.edit(form, result, () -> this.changeDeadline.change(id, form.toCommand()),
				(changed) -> Flash.redirect(redirect, LIST, changedKey(changed), cycle.code()),
				() -> conflict(id, "/deadline", (now) -> form.conflictRows(cycle, now)), "admin/cycles/deadline");
	}

	private static String changedKey(ChangeCycleDeadline.Changed changed) {
		if (changed.deadline() && changed.reminderDays()) {
			return "admin.cycles.deadline-and-reminders-changed";
		}
		if (changed.deadline()) {
			return "admin.cycles.deadline-changed";
		}
		return changed.reminderDays() ? "admin.cycles.reminders-changed" : "admin.form.unchanged";
	}

	@PostMapping("/{id}/close")
	Object close(@PathVariable long id, @RequestParam(name = "version", required = false) @Nullable String version,
			RedirectAttributes redirect) {
		return setState(id, version, CycleState.CLOSED, this.closeCycle::close, "admin.cycles.closed",
				"admin.cycles.already-closed", redirect);
	}

	@PostMapping("/{id}/reopen")
	Object reopen(@PathVariable long id, @RequestParam(name = "version", required = false) @Nullable String version,
			RedirectAttributes redirect) {
		return setState(id, version, CycleState.OPEN, this.reopenCycle::reopen, "admin.cycles.reopened",
				"admin.cycles.already-open", redirect);
	}

	/** Closes or reopens; a cycle changed since the list was shown gets the conflict page. */
	private Object setState(long id, @Nullable String version, CycleState wanted, StateChange change,
			String changedKey, String unchangedKey, RedirectAttributes redirect) {
		CycleQueries.AdminCycle cycle = cycle(id);
		try {
			boolean changed = change.apply(id, version(version));
			return Flash.redirect(redirect, LIST, changed ? changedKey : unchangedKey, cycle.code());
		}
		catch (OptimisticLockingFailureException stale) {
			return conflict(id, "", (now) -> List.of(new ConflictPage.Row("admin.cycle.state", DeadlineForm.stateLabel(wanted),
					DeadlineForm.stateLabel(now.state())), new ConflictPage.Row("admin.cycle.deadline", ConflictPage.text(now.deadline()),
							ConflictPage.text(now.deadline()))));
		}
	}

	/** {@link CloseCycle#close} or {@link ReopenCycle#reopen}. */
	@FunctionalInterface
	private interface StateChange {

		boolean apply(long id, @Nullable Long expectedVersion);

	}

	/** The page showing what the administrator asked beside the cycle as it is now; {@code form} is the form's path. */
	private ModelAndView conflict(long id, String form,
			Function<CycleQueries.AdminCycle, List<ConflictPage.Row>> rows) {
		CycleQueries.AdminCycle now = cycle(id);
		return ConflictPage.of(now.code(), LIST + ((form.isEmpty()) ? "" : "/" + id + form), rows.apply(now),
				this.audit.lastChange("reporting_cycle", id).orElse(null));
	}

	/** The version a close or reopen button sent: none when missing or not a number (the change then applies as is). */
	private static @Nullable Long version(@Nullable String version) {
		try {
			return (version != null && !version.isBlank()) ? Long.valueOf(version.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private CycleQueries.AdminCycle cycle(long id) {
		return this.queries.adminById(id).orElseThrow(() -> new NotFoundException("reporting cycle " + id));
	}

}
