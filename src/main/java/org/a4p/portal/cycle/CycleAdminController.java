package org.a4p.portal.cycle;

import java.util.List;

import jakarta.validation.Valid;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.web.ConflictPage;
import org.a4p.portal.web.Flash;
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

	CycleAdminController(CycleQueries queries, CreateCycle createCycle, ChangeCycleDeadline changeDeadline,
			CloseCycle closeCycle, ReopenCycle reopenCycle) {
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
		if (!result.hasErrors()) {
			try {
				this.createCycle.create(form);
				Flash.add(redirect, "admin.cycles.created", form.getCode());
				return "redirect:" + LIST;
			}
			catch (Refusal violation) {
				violation.addTo(result);
			}
		}
		else {
			Refusal.addToFieldsWithoutErrors(this.createCycle.problems(form), result);
		}
		return "admin/cycles/new";
	}

	@GetMapping("/{id}/deadline")
	String deadlineForm(@PathVariable long id, Model model) {
		CycleQueries.AdminCycle cycle = cycle(id);
		DeadlineForm form = new DeadlineForm();
		form.setDeadline(cycle.deadline());
		form.setVersion(cycle.version());
		model.addAttribute("deadlineForm", form);
		model.addAttribute("cycle", cycle);
		return "admin/cycles/deadline";
	}

	@PostMapping("/{id}/deadline")
	Object deadline(@PathVariable long id, @Valid @ModelAttribute("deadlineForm") DeadlineForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		CycleQueries.AdminCycle cycle = cycle(id);
		if (form.getVersion() == null) {
			result.reject("admin.form.stale");
		}
		if (!result.hasErrors()) {
			try {
				boolean changed = this.changeDeadline.change(id, form);
				Flash.add(redirect, changed ? "admin.cycles.deadline-changed" : "admin.form.unchanged", cycle.code());
				return "redirect:" + LIST;
			}
			catch (Refusal violation) {
				violation.addTo(result);
			}
			catch (OptimisticLockingFailureException conflict) {
				CycleQueries.AdminCycle now = cycle(id);
				return ConflictPage.of(now.code(), LIST + "/" + id + "/deadline",
						List.of(new ConflictPage.Row("admin.cycle.deadline", ConflictPage.text(form.getDeadline()),
								ConflictPage.text(now.deadline())),
								new ConflictPage.Row("admin.cycle.state", cycle.state().name(), now.state().name())));
			}
		}
		model.addAttribute("cycle", cycle);
		return "admin/cycles/deadline";
	}

	@PostMapping("/{id}/close")
	Object close(@PathVariable long id, @RequestParam(name = "version", required = false) @Nullable String version,
			RedirectAttributes redirect) {
		CycleQueries.AdminCycle cycle = cycle(id);
		try {
			boolean changed = this.closeCycle.close(id, version(version));
			Flash.add(redirect, changed ? "admin.cycles.closed" : "admin.cycles.already-closed", cycle.code());
			return "redirect:" + LIST;
		}
		catch (OptimisticLockingFailureException conflict) {
			return stateConflict(id, "CLOSED");
		}
	}

	@PostMapping("/{id}/reopen")
	Object reopen(@PathVariable long id, @RequestParam(name = "version", required = false) @Nullable String version,
			RedirectAttributes redirect) {
		CycleQueries.AdminCycle cycle = cycle(id);
		try {
			boolean changed = this.reopenCycle.reopen(id, version(version));
			Flash.add(redirect, changed ? "admin.cycles.reopened" : "admin.cycles.already-open", cycle.code());
			return "redirect:" + LIST;
		}
		catch (OptimisticLockingFailureException conflict) {
			return stateConflict(id, "OPEN");
		}
	}

	private Object stateConflict(long id, String wanted) {
		CycleQueries.AdminCycle now = cycle(id);
		return ConflictPage.of(now.code(), LIST, List.of(
				new ConflictPage.Row("admin.cycle.state", wanted, now.state().name()),
				new ConflictPage.Row("admin.cycle.deadline", ConflictPage.text(now.deadline()),
						ConflictPage.text(now.deadline()))));
	}

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
