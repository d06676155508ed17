package org.a4p.portal.shared;

import java.util.List;
import java.util.Map;

/**
 * One page of a list read from the database a page at a time (the administration lists), and whether more
 * follow. A query reads one row more than a page, with {@link #LIMIT} and {@link #params}, to know that.
 * @param number the page's number, from 1
 */
public record Page<T>(List<T> rows, int number, boolean hasNext) {

	/** The end of a query read by pages: its parameters are {@link #params}. */
	public static final String LIMIT = " limit :limit offset :offset";

	public boolean hasPrevious() {
		return this.number > 1;
	}

	/** The parameters of {@link #LIMIT} for page {@code number} (anything below 1 is page 1) of {@code size} rows. */
	public static Map<String, Object> params(int number, int size) {
		return Map.of("limit", size + 1, "offset", (long) (Math.max(1, number) - 1) * size);
	}

	/** The page, from the rows a query read with {@link #params}{@code (number, size)}. */
	public static <T> Page<T> of(List<T> read, int number, int size) {
		boolean hasNext = read.size() > size;
		return new Page<>(List.copyOf(hasNext ? read.subList(0, size) : read), Math.max(1, number), hasNext);
	}

}
