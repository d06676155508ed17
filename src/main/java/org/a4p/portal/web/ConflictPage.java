package org.a4p.portal.web;

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
	 * One field of the record.
	 * @param labelKey the message key of the field's label
	 */
	public record Row(String labelKey, @Nullable String yours, @Nullable String current) {

		public boolean differs() {
			return !Objects.equals(this.yours, this.current);
		}

	}

	/**
	 * The change the editor missed: what it was, who made it and when, and whether it was the editor themselves
	 * (in another tab or window) rather than someone else.
	 * @param actionKey the message key of the action's name
	 * @param at when, as the page shows it (UTC)
	 */
	public record LastChange(String actionKey, String actor, boolean byYou, String at) {
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

	/** A value as the page shows it: dates and numbers as text, nothing as {@code null}. */
	public static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

}
