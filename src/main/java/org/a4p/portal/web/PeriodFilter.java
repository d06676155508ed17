package org.a4p.portal.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * A list's filter form (a GET form) with a period of days: {@code from} and {@code to}, each optional,
 * both included.
 */
public abstract class PeriodFilter {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate to;

	/** Adds an error on {@code to} when the period ends before it starts (the list is shown unfiltered by it). */
	public void checkPeriod(Errors errors) {
		if (this.from != null && this.to != null && this.to.isBefore(this.from)) {
			errors.rejectValue("to", "admin.filter.to.before-from");
		}
	}

	public @Nullable LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(@Nullable LocalDate from) {
		this.from = from;
	}

	public @Nullable LocalDate getTo() {
		return this.to;
	}

	public void setTo(@Nullable LocalDate to) {
		this.to = to;
	}

}
