package org.a4p.portal.shared;

import org.jspecify.annotations.Nullable;

/** A text field's value as forms keep it: without surrounding spaces, and a blank field as none. */
public final class FormText {

	private FormText() {
	}

	public static @Nullable String clean(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
