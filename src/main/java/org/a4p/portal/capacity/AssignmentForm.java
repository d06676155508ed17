package org.a4p.portal.capacity;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.shared.FormText;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** The form that assigns a capacity to a Member State for a period. */
public class AssignmentForm {

	static final int NOTE_MAX = 2000;

	private @Nullable String stateCode;

	@NotNull(message = "{admin.capacity.capacity.required}")
	private @Nullable Capacity capacity;

	@NotNull(message = "{admin.capacity.starts-on.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate startsOn;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate endsOn;

	@Size(max = NOTE_MAX, message = "{admin.capacity.note.too-long}")
	private @Nullable String note;

	/** What to assign (also for checking the rules when the form is incomplete). */
	AssignCapacity.Command toCommand() {
		return new AssignCapacity.Command(this.stateCode, this.capacity, this.startsOn, this.endsOn, this.note);
	}

	public @Nullable String getStateCode() {
		return this.stateCode;
	}

	public void setStateCode(@Nullable String stateCode) {
		this.stateCode = FormText.clean(stateCode);
	}

	public @Nullable Capacity getCapacity() {
		return this.capacity;
	}

	public void setCapacity(@Nullable Capacity capacity) {
		this.capacity = capacity;
	}

	public @Nullable LocalDate getStartsOn() {
		return this.startsOn;
	}

	public void setStartsOn(@Nullable LocalDate startsOn) {
		this.startsOn = startsOn;
	}

	public @Nullable LocalDate getEndsOn() {
		return this.endsOn;
	}

	public void setEndsOn(@Nullable LocalDate endsOn) {
		this.endsOn = endsOn;
	}

	public @Nullable String getNote() {
		return this.note;
	}

	public void setNote(@Nullable String note) {
		this.note = FormText.clean(note);
	}

}
