package org.a4p.portal.cycle;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotNull;
import org.a4p.portal.web.ConflictPage;
import org.a4p.portal.web.VersionedForm;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** The form that sets a cycle's deadline and reminder days; the version is the one the editor saw. */
public class DeadlineForm extends VersionedForm {

	@NotNull(message = "{admin.cycle.deadline.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate deadline;

	/**
	 * The reminder days as typed ({@link ReminderDays}; empty: none); the use case checks them. {@code null} when
	 * the request had no such field (a page from before it existed): the cycle's days are then kept.
	 */
	private @Nullable String reminderDays;

	static DeadlineForm of(CycleQueries.AdminCycle cycle) {
		DeadlineForm form = new DeadlineForm();
		form.deadline = cycle.deadline();
		form.reminderDays = cycle.reminderDaysText();
		form.setVersion(cycle.version());
		return form;
	}

	/** The change, once the form passed validation. */
	ChangeCycleDeadline.Command toCommand() {
		return new ChangeCycleDeadline.Command(expectedVersion(), Objects.requireNonNull(this.deadline),
				this.reminderDays);
	}

	/** This form (for a cycle shown as {@code then}) beside the cycle as it is now, for the conflict page. */
	List<ConflictPage.Row> conflictRows(CycleQueries.AdminCycle then, CycleQueries.AdminCycle now) {
		return List.of(
				new ConflictPage.Row("admin.cycle.deadline", ConflictPage.text(this.deadline),
						ConflictPage.text(now.deadline())),
				new ConflictPage.Row("admin.cycle.reminder-days", ConflictPage.text(this.reminderDays),
						ConflictPage.text(now.reminderDaysText())),
				new ConflictPage.Row("admin.cycle.state", stateLabel(then.state()), stateLabel(now.state())));
	}

	public @Nullable LocalDate getDeadline() {
		return this.deadline;
	}

	public void setDeadline(@Nullable LocalDate deadline) {
		this.deadline = deadline;
	}

	public @Nullable String getReminderDays() {
		return this.reminderDays;
	}

	public void setReminderDays(@Nullable String reminderDays) {
		this.reminderDays = (reminderDays != null) ? reminderDays.strip() : "";
	}

	/** A cycle's state as the conflict page names it, in the reader's language. */
	static ConflictPage.Label stateLabel(CycleState state) {
		return new ConflictPage.Label("cycle.state." + state.name().toLowerCase(java.util.Locale.ROOT));
	}

}
