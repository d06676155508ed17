package org.a4p.portal.progress;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * How the headline figure of a scope (share SUBSTANTIAL or COMPLETE, one decimal) moved since the previous
 * reporting cycle (by period), computed in SQL from the pairs the public sees in both cycles.
 *
 * @param previousCycle the code of the previous cycle
 * @param previousShare the share in the previous cycle, {@code null} when the scope had no counted pair then
 * @param share the share in the cycle shown, {@code null} when the scope has no counted pair
 * @param points {@code share - previousShare} in percentage points, {@code null} when either is missing
 */
public record Change(String previousCycle, @Nullable BigDecimal previousShare, @Nullable BigDecimal share,
		@Nullable BigDecimal points) {

	/** -1, 0 or 1 as the share went down, stayed or went up; 0 when there is nothing to compare. */
	public int direction() {
		return (this.points != null) ? this.points.signum() : 0;
	}

	/** Whether both cycles have a figure to compare. */
	public boolean comparable() {
		return this.points != null;
	}

	/** The size of the move, in points (0 when not comparable). */
	public BigDecimal magnitude() {
		return (this.points != null) ? this.points.abs() : BigDecimal.ZERO;
	}

}
