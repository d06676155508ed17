package org.a4p.portal.cycle;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotNull;
import org.a4p.portal.web.ConflictPage;
import org.a4p.portal.web.VersionedForm;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** The form that sets a cycle's deadline; the version is the one the editor saw. */
public class DeadlineForm extends VersionedForm {

	@NotNull(message = "{admin.cycle.deadline.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate deadline;

	static DeadlineForm of(CycleQueries.AdminCycle cycle) {
		DeadlineForm form = new DeadlineForm();
		form.deadline = cycle.deadline();
		form.setVersion(cycle.version());
		return form;
	}

	/** The change, once the form passed validation. */
	ChangeCycleDeadline.Command toCommand() {
		return new ChangeCycleDeadline.Command(expectedVersion(), Objects.requireNonNull(this.deadline));
	}

	/** This form (for a cycle shown as {@code then}) beside the cycle as it is now, for the conflict page. */
	List<ConflictPage.Row> conflictRows(CycleQueries.AdminCycle then, CycleQueries.AdminCycle now) {
		return List.of(
				new ConflictPage.Row("admin.cycle.deadline", ConflictPage.text(this.deadline),
						ConflictPage.text(now.deadline())),
				new ConflictPage.Row("admin.cycle.state", then.state().name(), now.state().name()));
	}

	public @Nullable LocalDate getDeadline() {
		return this.deadline;
	}

	public void setDeadline(@Nullable LocalDate deadline) {
		this.deadline = deadline;
	}

}
