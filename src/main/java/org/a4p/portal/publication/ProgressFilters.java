package org.a4p.portal.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.stakeholder.StakeholderKind;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the stakeholder overview and of the stakeholders-by-area table, as typed in the address
 * ({@code ?kind=&capacity=&region=&endorsed=}). An empty value does not filter (what the form sends for
 * "Any"); a value that is not one of the choices is a bad request: the page answers 400 and says which value
 * it did not understand, rather than showing figures for something other than what was asked.
 *
 * @param kind who: {@code SECRETARIAT}, {@code MEMBER_STATE} or {@code ORGANIZATION} (any case)
 * @param capacity a capacity held during the cycle: {@code SECURITY_COUNCIL}, {@code TPCC}, {@code HOST_STATE}
 * (any case)
 * @param region the three-digit UN M49 code of a region, sub-region or intermediate region
 * @param endorsed {@code yes}: endorsers only (the Secretariat does not endorse); {@code no}: Member States and
 * organizations that were not bound in the cycle (nothing applied to them)
 */
record ProgressFilters(@Nullable String kind, @Nullable String capacity, @Nullable String region,
		@Nullable String endorsed) {

	static final List<StakeholderKind> KINDS = List.of(StakeholderKind.values());

	static final List<Capacity> CAPACITIES = List.of(Capacity.SECURITY_COUNCIL, Capacity.TPCC, Capacity.HOST_STATE);

	static final List<String> ENDORSED = List.of("yes", "no");

	/** Values longer than this are cut when the page repeats them. */
	private static final int SHOWN_LENGTH = 40;

	/** A value of the address that is not one of the parameter's choices. */
	record Problem(String parameter, String value) {
	}

	/**
	 * The filters understood, and the problems found.
	 *
	 * @param endorsed {@code null}: every stakeholder commitments applied to in the cycle (the Secretariat and the
	 * endorsers); {@code TRUE}: the endorsers; {@code FALSE}: Member States and organizations not bound
	 */
	record Parsed(@Nullable StakeholderKind kind, @Nullable Capacity capacity, @Nullable String region,
			@Nullable Boolean endorsed, List<Problem> problems) {

		static final Parsed NONE = new Parsed(null, null, null, null, List.of());

		public boolean filtered() {
			return this.kind != null || this.capacity != null || this.region != null || this.endorsed != null;
		}

		/** The values the form shows as chosen ("" for any). */
		public String kindValue() {
			return (this.kind != null) ? this.kind.name() : "";
		}

		public String capacityValue() {
			return (this.capacity != null) ? this.capacity.name() : "";
		}

		public String regionValue() {
			return (this.region != null) ? this.region : "";
		}

		public String endorsedValue() {
			return (this.endorsed == null) ? "" : (this.endorsed ? "yes" : "no");
		}

		/** Whether the rows are stakeholders to which nothing applied (no figures). */
		public boolean unbound() {
			return Boolean.FALSE.equals(this.endorsed);
		}

	}

	/** @param regions the M49 codes that exist */
	Parsed parse(Set<String> regions) {
		List<Problem> problems = new ArrayList<>();
		StakeholderKind kind = choose("kind", this.kind, (v) -> KINDS.stream()
			.filter((k) -> k.name().equals(v.toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElse(null), problems);
		Capacity capacity = choose("capacity", this.capacity, (v) -> CAPACITIES.stream()
			.filter((c) -> c.name().equals(v.toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElse(null), problems);
		String region = choose("region", this.region, (v) -> regions.contains(v) ? v : null, problems);
		Boolean endorsed = choose("endorsed", this.endorsed, (v) -> switch (v.toLowerCase(Locale.ROOT)) {
			case "yes" -> Boolean.TRUE;
			case "no" -> Boolean.FALSE;
			default -> null;
		}, problems);
		return new Parsed(kind, capacity, region, endorsed, List.copyOf(problems));
	}

	static <T> @Nullable T choose(String parameter, @Nullable String raw, Function<String, @Nullable T> parse,
			List<Problem> problems) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		T value = parse.apply(raw.strip());
		if (value == null) {
			problems.add(new Problem(parameter, shown(raw)));
		}
		return value;
	}

	static String shown(String raw) {
		String value = raw.strip();
		return (value.length() > SHOWN_LENGTH) ? value.substring(0, SHOWN_LENGTH) + "…" : value;
	}

}
