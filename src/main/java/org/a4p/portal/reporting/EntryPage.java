package org.a4p.portal.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.progress.Basis;
import org.a4p.portal.progress.FiguresQuery.Filter;
import org.a4p.portal.progress.FiguresQuery;
import org.a4p.portal.progress.Status;
import org.a4p.portal.reporting.EntryQueries.EntryView;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the model of an entry's page: the entry, what the user may do with it, its history and timeline. */
@Component
public class EntryPage {

	static final String VIEW = "progress/entry";

	private final EntryGuard guard;

	private final EntryQueries queries;

	private final FiguresQuery figures;

	private final Clock clock;

	EntryPage(EntryGuard guard, EntryQueries queries, FiguresQuery figures, Clock clock) {
		this.guard = guard;
		this.queries = queries;
		this.figures = figures;
		this.clock = clock;
	}

	/**
	 * @param entryForm the form as sent (with its errors in the model), or {@code null} to fill it from the entry
	 * @param reviewForm the return form as sent, or {@code null} for an empty one
	 */
	String render(Model model, PortalUser user, EntryContext context, @Nullable EntryForm entryForm,
			@Nullable ReviewForm reviewForm) {
		Optional<EntryView> entry = this.queries.entry(context);
		boolean open = context.cycle().open();
		boolean mayWrite = open && EntryPermissions.mayWrite(user, context.stakeholderId());
		WorkflowState state = entry.map(EntryView::workflowState).orElse(null);
		model.addAttribute("context", context);
		model.addAttribute("entry", entry.orElse(null));
		model.addAttribute("mayWrite", mayWrite);
		model.addAttribute("maySubmit", mayWrite && state == WorkflowState.DRAFT);
		model.addAttribute("mayReview", open && EntryPermissions.mayReview(user) && state == WorkflowState.SUBMITTED);
		model.addAttribute("onBehalf", EntryPermissions.writesOnBehalf(user, context));
		model.addAttribute("overdue",
				open && context.cycle().pastDeadline(LocalDate.now(this.clock)) && !entry.map(EntryView::reported).orElse(false));
		model.addAttribute("history", entry.map((e) -> this.queries.history(e.id())).orElse(List.of()));
		model.addAttribute("timeline", this.figures.acrossCycles(Basis.PUBLISHED,
				new Filter(null, context.commitmentCode(), context.stakeholderCode(), null)));
		if (entryForm == null) {
			entryForm = entry.map(EntryForm::of).orElseGet(EntryForm::blank);
		}
		else {
			entryForm.padRows();
		}
		model.addAttribute("entryForm", entryForm);
		if (reviewForm == null) {
			reviewForm = new ReviewForm();
			reviewForm.setVersion(entry.map(EntryView::version).orElse(null));
		}
		model.addAttribute("reviewForm", reviewForm);
		model.addAttribute("statuses", Status.REPORTABLE);
		return VIEW;
	}

	/**
	 * The entry page again with the Return form as the reviewer sent it (its errors in the model): for the
	 * review module, after a refused Return. 404/403 as for the page itself, and 409 unless the user may
	 * review the entry now.
	 */
	public String withReturnForm(Model model, PortalUser user, EntryRef ref, Locale locale, ReviewForm form) {
		EntryContext context = this.guard.readable(user, ref, locale);
		this.guard.reviewable(user, ref);
		return render(model, user, context, null, form);
	}

	/**
	 * The conflict page: the writer's values beside the entry as it now is, and their values again in a
	 * form carrying the current version, so they can be re-applied.
	 */
	String conflict(Model model, EntryContext context, EntryForm theirs) {
		Optional<EntryView> current = this.queries.entry(context);
		EntryForm again = new EntryForm();
		again.setStatus(theirs.getStatus());
		again.setNarrative(theirs.getNarrative());
		again.setEvidence(theirs.getEvidence().stream().filter((row) -> !row.isBlank()).collect(
				java.util.stream.Collectors.toCollection(java.util.ArrayList::new)));
		again.setVersion(current.map(EntryView::version).orElse(null));
		again.padRows();
		model.addAttribute("context", context);
		model.addAttribute("current", current.orElse(null));
		model.addAttribute("theirs", theirs.toContent());
		model.addAttribute("entryForm", again);
		model.addAttribute("statuses", Status.REPORTABLE);
		model.addAttribute("onBehalf", false);
		return "progress/conflict";
	}

}
