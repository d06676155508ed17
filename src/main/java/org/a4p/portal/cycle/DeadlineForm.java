package org.a4p.portal.cycle;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** The form that sets a cycle's deadline; the version is the one the editor saw. */
public class DeadlineForm {

	@NotNull(message = "{admin.cycle.deadline.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate deadline;

	private @Nullable Long version;

	public @Nullable LocalDate getDeadline() {
		return this.deadline;
	}

	public void setDeadline(@Nullable LocalDate deadline) {
		this.deadline = deadline;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
