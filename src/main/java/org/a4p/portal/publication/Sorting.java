package org.a4p.portal.publication;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The order of a table's rows as typed in the address ({@code ?sort=COLUMN&dir=asc|desc}), and the links of its
 * column headings: following a heading's link sorts by that column (in its natural direction: names from A,
 * figures from the largest, dates from the latest), following it again reverses the order. Works without
 * JavaScript; the heading of the sorted column says so with {@code aria-sort}.
 *
 * @param column the column sorted by
 * @param descending largest (or latest, or Z) first
 */
record Sorting(String column, boolean descending) {

	/** The value of the {@code dir} parameter that asks for this order. */
	public String dir() {
		return this.descending ? "desc" : "asc";
	}


	/** A column heading's link and its {@code aria-sort} value ({@code none} when the table is not sorted by it). */
	record Heading(String href, String ariaSort) {

		public boolean sorted() {
			return !"none".equals(this.ariaSort);
		}

	}

	/**
	 * @param columns the columns that can be sorted by; the first is the default
	 * @param ascending the columns sorted in ascending order unless asked otherwise (names)
	 */
	static Sorting parse(@Nullable String sort, @Nullable String dir, List<String> columns, Set<String> ascending,
			List<ProgressFilters.Problem> problems) {
		String column = ProgressFilters.choose("sort", sort, (v) -> columns.stream()
			.filter((c) -> c.equalsIgnoreCase(v))
			.findFirst()
			.orElse(null), problems);
		Boolean descending = ProgressFilters.choose("dir", dir, (v) -> switch (v.toLowerCase(Locale.ROOT)) {
			case "asc" -> Boolean.FALSE;
			case "desc" -> Boolean.TRUE;
			default -> null;
		}, problems);
		String chosen = (column != null) ? column : columns.get(0);
		return new Sorting(chosen, (descending != null) ? descending : !ascending.contains(chosen));
	}

	/** The headings of the columns, by column, linking to the current address with sort and dir changed. */
	Map<String, Heading> headings(HttpServletRequest request, List<String> columns, Set<String> ascending) {
		Map<String, Heading> headings = new LinkedHashMap<>();
		for (String c : columns) {
			boolean current = c.equals(this.column);
			boolean nextDescending = current ? !this.descending : !ascending.contains(c);
			String query = ServletUriComponentsBuilder.fromRequest(request)
				.replaceQueryParam("sort", c)
				.replaceQueryParam("dir", nextDescending ? "desc" : "asc")
				.build()
				.getQuery();
			headings.put(c, new Heading(request.getRequestURI() + "?" + query,
					current ? (this.descending ? "descending" : "ascending") : "none"));
		}
		return headings;
	}

}
