package org.a4p.portal.cycle;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.a4p.portal.shared.FormText;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** The form that creates a reporting cycle. */
public class CycleForm {

	@NotNull(message = "{admin.cycle.code.required}")
	@Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "{admin.cycle.code.pattern}")
	private @Nullable String code;

	@NotNull(message = "{admin.cycle.period-start.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate periodStart;

	@NotNull(message = "{admin.cycle.period-end.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate periodEnd;

	@NotNull(message = "{admin.cycle.opens-on.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate opensOn;

	@NotNull(message = "{admin.cycle.deadline.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate deadline;

	@NotNull(message = "{admin.cycle.state.required}")
	private @Nullable CycleState state = CycleState.OPEN;

	/** The reminder days as typed ({@link ReminderDays}); the use case checks them. */
	private @Nullable String reminderDays = ReminderDays.DEFAULT.text();

	/** The cycle to create (also for checking the rules when the form is incomplete). */
	CreateCycle.Command toCommand() {
		return new CreateCycle.Command(this.code, this.periodStart, this.periodEnd, this.opensOn, this.deadline,
				this.state, this.reminderDays);
	}

	public @Nullable String getCode() {
		return this.code;
	}

	public void setCode(@Nullable String code) {
		this.code = FormText.clean(code);
	}

	public @Nullable LocalDate getPeriodStart() {
		return this.periodStart;
	}

	public void setPeriodStart(@Nullable LocalDate periodStart) {
		this.periodStart = periodStart;
	}

	public @Nullable LocalDate getPeriodEnd() {
		return this.periodEnd;
	}

	public void setPeriodEnd(@Nullable LocalDate periodEnd) {
		this.periodEnd = periodEnd;
	}

	public @Nullable LocalDate getOpensOn() {
		return this.opensOn;
	}

	public void setOpensOn(@Nullable LocalDate opensOn) {
		this.opensOn = opensOn;
	}

	public @Nullable LocalDate getDeadline() {
		return this.deadline;
	}

	public void setDeadline(@Nullable LocalDate deadline) {
		this.deadline = deadline;
	}

	public @Nullable CycleState getState() {
		return this.state;
	}

	public void setState(@Nullable CycleState state) {
		this.state = state;
	}

	public @Nullable String getReminderDays() {
		return this.reminderDays;
	}

	public void setReminderDays(@Nullable String reminderDays) {
		this.reminderDays = FormText.clean(reminderDays);
	}

}
