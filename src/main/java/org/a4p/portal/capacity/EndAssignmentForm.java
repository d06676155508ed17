package org.a4p.portal.capacity;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** The form that ends an assignment: its last day; the version is the one the editor saw. */
public class EndAssignmentForm {

	@NotNull(message = "{admin.capacity.ends-on.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate endsOn;

	private @Nullable Long version;

	public @Nullable LocalDate getEndsOn() {
		return this.endsOn;
	}

	public void setEndsOn(@Nullable LocalDate endsOn) {
		this.endsOn = endsOn;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
