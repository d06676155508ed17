package org.a4p.portal.web;

import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A message shown once on the page a redirect leads to: a message KEY and its arguments, rendered in
 * the reader's language by {@code fragments/fields :: flash}.
 */
public final class Flash {

	private Flash() {
	}

	public static void add(RedirectAttributes redirect, String key, @Nullable Object... args) {
		redirect.addFlashAttribute("flashKey", key);
		redirect.addFlashAttribute("flashArgs", (args != null) ? args : new Object[0]);
	}

}
