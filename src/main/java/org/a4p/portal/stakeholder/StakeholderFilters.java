package org.a4p.portal.stakeholder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.stakeholder.StakeholderQueries.ListFilter;
import org.jspecify.annotations.Nullable;

/**
 * The stakeholder list's filters as typed in the address ({@code ?kind=&endorsed=&capacity=}).
 * A value that is not one of the choices is ignored, and the page says which: a reader who edits
 * the address by hand gets the whole list and an explanation, never an error page.
 *
 * @param kind {@code SECRETARIAT}, {@code MEMBER_STATE} or {@code ORGANIZATION} (any case)
 * @param endorsed {@code yes} or {@code no}
 * @param capacity {@code SECURITY_COUNCIL}, {@code TPCC} or {@code HOST_STATE} (any case)
 */
record StakeholderFilters(@Nullable String kind, @Nullable String endorsed, @Nullable String capacity) {

	/** The choices of each select, in the order the form shows them. */
	static final List<StakeholderKind> KINDS = List.of(StakeholderKind.values());

	static final List<String> ENDORSED = List.of("yes", "no");

	static final List<Capacity> CAPACITIES = List.of(Capacity.SECURITY_COUNCIL, Capacity.TPCC, Capacity.HOST_STATE);

	/** Values kept longer than this are cut when the page repeats them. */
	private static final int SHOWN_LENGTH = 40;

	/** A filter value that was not understood: {@code field} is kind, endorsed or capacity. */
	record Ignored(String field, String value) {
	}

	/** The filter to apply, the values to show as selected, and what was ignored. */
	record Parsed(ListFilter filter, String kind, String endorsed, String capacity, List<Ignored> ignored) {

		public boolean filtered() {
			return this.filter.kind() != null || this.filter.endorsed() != null || this.filter.capacity() != null;
		}

	}

	Parsed parse() {
		List<Ignored> ignored = new ArrayList<>();
		StakeholderKind kind = choose("kind", this.kind, (v) -> KINDS.stream()
			.filter((k) -> k.name().equals(v.toUpperCase(Locale.ROOT))).findFirst().orElse(null), ignored);
		Boolean endorsed = choose("endorsed", this.endorsed, (v) -> switch (v.toLowerCase(Locale.ROOT)) {
			case "yes" -> Boolean.TRUE;
			case "no" -> Boolean.FALSE;
			default -> null;
		}, ignored);
		Capacity capacity = choose("capacity", this.capacity, (v) -> CAPACITIES.stream()
			.filter((c) -> c.name().equals(v.toUpperCase(Locale.ROOT))).findFirst().orElse(null), ignored);
		return new Parsed(new ListFilter(kind, endorsed, capacity), (kind != null) ? kind.name() : "",
				(endorsed == null) ? "" : (endorsed ? "yes" : "no"), (capacity != null) ? capacity.name() : "",
				List.copyOf(ignored));
	}

	private static <T> @Nullable T choose(String field, @Nullable String raw, Function<String, @Nullable T> parse,
			List<Ignored> ignored) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		T value = parse.apply(raw.strip());
		if (value == null) {
			String shown = raw.strip();
			ignored.add(new Ignored(field,
					(shown.length() > SHOWN_LENGTH) ? shown.substring(0, SHOWN_LENGTH) + "…" : shown));
		}
		return value;
	}

}
