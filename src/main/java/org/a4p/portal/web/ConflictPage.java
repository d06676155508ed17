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

	private ConflictPage() {
	}

	/**
	 * @param what a description of the record (shown as text)
	 * @param formHref where to start again from the current version
	 */
	public static ModelAndView of(String what, String formHref, List<Row> rows) {
		return new ModelAndView("conflict", Map.of("what", what, "formHref", formHref, "rows", rows),
				HttpStatus.CONFLICT);
	}

	/** A value as the page shows it: dates and numbers as text, nothing as {@code null}. */
	public static @Nullable String text(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

}
