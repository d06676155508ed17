package org.a4p.portal.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.api.Resources.Page;
import org.a4p.portal.api.Resources.PageLinks;
import org.a4p.portal.shared.BadRequestException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page a list request asks for ({@code page} from 1, {@code size} from 1 to {@value #MAX_SIZE}, 20 by
 * default): a value out of range or not a number is a 400. Builds the page's links, which the controllers also
 * send as a {@code Link} header (RFC 8288).
 */
record Paging(int page, int size) {

	static final String PAGE = "Page number, from 1";

	static final String SIZE = "Items per page, from 1 to 100 (20 by default)";

	static final int DEFAULT_SIZE = 20;

	static final int MAX_SIZE = 100;

	static Paging of(@Nullable String page, @Nullable String size) {
		return new Paging(number("page", page, 1, Integer.MAX_VALUE / MAX_SIZE, 1),
				number("size", size, 1, MAX_SIZE, DEFAULT_SIZE));
	}

	private static int number(String name, @Nullable String raw, int min, int max, int absent) {
		if (raw == null || raw.isBlank()) {
			return absent;
		}
		String value = raw.strip();
		if (!value.matches("[0-9]{1,9}")) {
			throw new BadRequestException(name);
		}
		int n = Integer.parseInt(value);
		if (n < min || n > max) {
			throw new BadRequestException(name);
		}
		return n;
	}

	int offset() {
		return (this.page - 1) * this.size;
	}

	/** This page of a list held whole (a list the size of the catalogue or of the stakeholders). */
	<T> Page<T> of(List<T> all, HttpServletRequest request) {
		int from = Math.min(offset(), all.size());
		int to = Math.min(from + this.size, all.size());
		return page(all.subList(from, to), all.size(), request);
	}

	/** A page read by offset and limit, out of {@code total} items. */
	<T> Page<T> page(List<T> items, long total, HttpServletRequest request) {
		int pages = (int) Math.max(1, (total + this.size - 1) / this.size);
		PageLinks links = new PageLinks(link(request, this.page), link(request, 1),
				(this.page > 1) ? link(request, Math.min(this.page - 1, pages)) : null,
				(this.page < pages) ? link(request, this.page + 1) : null, link(request, pages));
		return new Page<>(List.copyOf(items), this.page, this.size, total, pages, links);
	}

	private String link(HttpServletRequest request, int page) {
		return UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam("page", page)
			.replaceQueryParam("size", this.size)
			.build()
			.toUriString();
	}

	/** The {@code Link} header of a page: first, prev, next, last. */
	static String header(PageLinks links) {
		StringBuilder header = new StringBuilder();
		append(header, links.first(), "first");
		append(header, links.prev(), "prev");
		append(header, links.next(), "next");
		append(header, links.last(), "last");
		return header.toString();
	}

	private static void append(StringBuilder header, @Nullable String link, String rel) {
		if (link != null) {
			if (header.length() > 0) {
				header.append(", ");
			}
			header.append('<').append(link).append(">; rel=\"").append(rel).append('"');
		}
	}

}
