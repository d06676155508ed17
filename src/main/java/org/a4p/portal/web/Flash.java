package org.a4p.portal.web;

import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the page a redirect leads to shows once: a message KEY and its arguments, rendered in the reader's
 * language by {@code fragments/fields :: flash}, and at times a value to show beside it (a temporary
 * password). Never in the address, gone after that page.
 */
public final class Flash {

	private Flash() {
	}

	public static void add(RedirectAttributes redirect, String key, @Nullable Object... args) {
		redirect.addFlashAttribute("flashKey", key);
		redirect.addFlashAttribute("flashArgs", (args != null) ? args : new Object[0]);
	}

	/** The message, and a value the next page shows once under {@code name}. */
	public static void addWithValue(RedirectAttributes redirect, String key, String name, Object value) {
		add(redirect, key);
		redirect.addFlashAttribute(name, value);
	}

	/** Adds the message and gives the redirect to {@code path}, for a controller to return. */
	public static String redirect(RedirectAttributes redirect, String path, String key, @Nullable Object... args) {
		add(redirect, key, args);
		return "redirect:" + path;
	}

}
