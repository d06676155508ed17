package org.a4p.portal.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How the applicable (commitment, stakeholder) pairs of a scope are spread over the status scale,
 * with reporting compliance beside it (product brief section 3). NOT_APPLICABLE pairs leave the
 * denominator; NO_EVIDENCE is explicit.
 *
 * @param counts pairs per status (every status present, zero where none)
 * @param reported pairs with a submitted or validated entry
 */
public record StatusDistribution(Map<Status, Long> counts, long reported) {

	public static final StatusDistribution EMPTY = builder().build();

	public StatusDistribution {
		EnumMap<Status, Long> all = new EnumMap<>(Status.class);
		for (Status status : Status.values()) {
			all.put(status, counts.getOrDefault(status, 0L));
		}
		counts = Collections.unmodifiableMap(all);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The distribution of the union of disjoint scopes (e.g. all areas together). */
	public static StatusDistribution sum(Collection<StatusDistribution> parts) {
		Builder builder = builder();
		for (StatusDistribution part : parts) {
			part.counts.forEach((status, n) -> builder.add(status, n, 0));
			builder.reported += part.reported;
		}
		return builder.build();
	}

	public long count(Status status) {
		return this.counts.get(status);
	}

	/** Every applicable pair in the scope, NOT_APPLICABLE included. */
	public long applicable() {
		return this.counts.values().stream().mapToLong(Long::longValue).sum();
	}

	/** The pairs the distribution is a share of: applicable pairs less NOT_APPLICABLE ones. */
	public long denominator() {
		return applicable() - count(Status.NOT_APPLICABLE);
	}

	/** Percentage of the denominator with this status, one decimal (NOT_APPLICABLE: of all applicable pairs). */
	public BigDecimal percent(Status status) {
		long of = (status == Status.NOT_APPLICABLE) ? applicable() : denominator();
		return percentOf(count(status), of);
	}

	/** Pairs SUBSTANTIAL or COMPLETE: the numerator of the headline share. */
	public long substantialOrComplete() {
		return count(Status.SUBSTANTIAL) + count(Status.COMPLETE);
	}

	/** The one headline figure the brief allows: share SUBSTANTIAL or COMPLETE. */
	public BigDecimal substantialOrCompletePercent() {
		return percentOf(substantialOrComplete(), denominator());
	}

	/** Reporting compliance: share of applicable pairs with a submitted or validated entry. */
	public BigDecimal compliancePercent() {
		return percentOf(this.reported, applicable());
	}

	/** The segments of a stacked bar 100 units wide, most advanced status first; empty segments left out. */
	public List<Segment> segments() {
		List<Segment> segments = new ArrayList<>();
		long denominator = denominator();
		if (denominator == 0) {
			return segments;
		}
		double x = 0;
		for (Status status : Status.SCALE) {
			long n = count(status);
			if (n > 0) {
				double width = 100.0 * n / denominator;
				segments.add(new Segment(status, n, round(x), round(width)));
				x += width;
			}
		}
		return segments;
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	private static BigDecimal percentOf(long part, long whole) {
		if (whole == 0) {
			return BigDecimal.ZERO.setScale(1);
		}
		return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	/** One coloured part of a stacked bar, in units of a 100-wide bar. */
	public record Segment(Status status, long count, double x, double width) {

		/** Where the segment starts in a bar drawn right to left (Arabic): the first segment at the right end. */
		public double mirroredX() {
			return round(100 - this.x - this.width);
		}

	}

	public static final class Builder {

		private final EnumMap<Status, Long> counts = new EnumMap<>(Status.class);

		private long reported;

		private Builder() {
		}

		public Builder add(Status status, long pairs, long reportedPairs) {
			this.counts.merge(status, pairs, Long::sum);
			this.reported += reportedPairs;
			return this;
		}

		public StatusDistribution build() {
			return new StatusDistribution(this.counts, this.reported);
		}

	}

}
