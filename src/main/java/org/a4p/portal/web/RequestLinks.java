package org.a4p.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.shared.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links back to the current page with one query parameter changed (paging through a filtered list). */
public final class RequestLinks {

	private RequestLinks() {
	}

	/** The current path and query with {@code name} set to {@code value}: a relative link. */
	public static String withParam(HttpServletRequest request, String name, Object value) {
		String query = ServletUriComponentsBuilder.fromRequest(request)
			.replaceQueryParam(name, value)
			.build()
			.getQuery();
		return request.getRequestURI() + "?" + query;
	}

	/**
	 * Adds a page of a list ({@code page}) and the links to the previous and next pages, as {@code
	 * fragments/fields :: pager} takes them ({@code previousHref}, {@code nextHref}).
	 */
	public static void addPage(Model model, HttpServletRequest request, Page<?> page) {
		model.addAttribute("page", page);
		model.addAttribute("previousHref", withParam(request, "page", page.number() - 1));
		model.addAttribute("nextHref", withParam(request, "page", page.number() + 1));
	}

	/** A {@code page} parameter as a page number from 1; anything else is page 1. */
	public static int pageNumber(@Nullable String page) {
		try {
			return (page != null) ? Math.min(Math.max(1, Integer.parseInt(page.strip())), 100_000) : 1;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
