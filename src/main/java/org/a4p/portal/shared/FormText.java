package org.a4p.portal.shared;

import org.jspecify.annotations.Nullable;

/** A text field's value as forms keep it: without surrounding spaces, and a blank field as none. */
public final class FormText {

	/** What a filter searches for at most: longer text typed in a search field is cut. */
	public static final int SEARCH_MAX = 100;

	private FormText() {
	}

	public static @Nullable String clean(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** A search field's value: {@link #clean cleaned}, and cut to {@link #SEARCH_MAX} characters. */
	public static @Nullable String search(@Nullable String text) {
		String cleaned = clean(text);
		return (cleaned != null && cleaned.length() > SEARCH_MAX) ? cleaned.substring(0, SEARCH_MAX) : cleaned;
	}

}
