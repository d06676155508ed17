package org.a4p.portal.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The answer to an edit made on a stale version (optimistic locking): status 409 and a page showing,
 * field by field, what the editor sent and what the record holds now. Nothing of the edit was saved;
 * the page links back to the form, which then shows the current version.
 */
public final class ConflictPage {

	/**
	 * One field of the record. Values are shown in the reader's language: a date or a moment as
	 * {@code #fmt} writes it, a {@link Label} by its message, anything else as text.
	 * @param labelKey the message key of the field's label
	 */
	public record Row(String labelKey, @Nullable Object yours, @Nullable Object current) {

		public boolean differs() {
			return !Objects.equals(this.yours, this.current);
		}

		/** The message key of what the editor sent, if it is a {@link Label}. */
		public @Nullable String yoursKey() {
			return (this.yours instanceof Label label) ? label.key() : null;
		}

		/** The message key of what the record holds, if it is a {@link Label}. */
		public @Nullable String currentKey() {
			return (this.current instanceof Label label) ? label.key() : null;
		}

	}

	/** A value shown by its message (a state, a capacity: never its code, which reads the same in every language). */
	public record Label(String key) {
	}

	/**
	 * The change the editor missed: what it was, who made it and when, and whether it was the editor themselves
	 * (in another tab or window) rather than someone else.
	 * @param actionKey the message key of the action's name
	 * @param at when (the page writes it in the reader's language, in UTC)
	 */
	public record LastChange(String actionKey, String actor, boolean byYou, Instant at) {
	}

	private ConflictPage() {
	}

	/**
	 * @param what a description of the record (shown as text)
	 * @param formHref where to start again from the current version
	 */
	public static ModelAndView of(String what, String formHref, List<Row> rows) {
		return of(what, formHref, rows, null);
	}

	/** @param lastChange the change that made the edit stale, where it is known (the page then says what happened) */
	public static ModelAndView of(String what, String formHref, List<Row> rows, @Nullable LastChange lastChange) {
		ModelAndView page = new ModelAndView("conflict", Map.of("what", what, "formHref", formHref, "rows", rows),
				HttpStatus.CONFLICT);
		page.addObject("lastChange", lastChange);
		return page;
	}

	/**
	 * A value for a {@link Row}: kept as it is (a date stays a date), for the page to write in the reader's
	 * language; nothing is {@code null}.
	 */
	public static @Nullable Object text(@Nullable Object value) {
		return value;
	}

}
