package org.a4p.portal.cycle;

import java.time.LocalDate;

/** A reporting cycle as pages show it. */
public record CycleView(long id, String code, LocalDate periodStart, LocalDate periodEnd, LocalDate opensOn,
		LocalDate deadline, boolean open, boolean demo) {

	/** Whether the deadline has passed on the given day. */
	public boolean pastDeadline(LocalDate today) {
		return today.isAfter(this.deadline);
	}

}
