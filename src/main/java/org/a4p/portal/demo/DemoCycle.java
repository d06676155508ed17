package org.a4p.portal.demo;

import java.time.LocalDate;

/** A reporting cycle the generator fills: a past demo cycle (closed) or the current open one. */
record DemoCycle(long id, String code, LocalDate periodStart, LocalDate periodEnd, LocalDate opensOn,
		LocalDate deadline, boolean open) {

	/** How the period reads in a narrative: the year for a calendar year, else the dates. */
	String periodText() {
		if (this.periodStart.getDayOfYear() == 1 && this.periodEnd.equals(this.periodStart.withDayOfYear(
				this.periodStart.lengthOfYear()))) {
			return String.valueOf(this.periodStart.getYear());
		}
		return this.periodStart + " – " + this.periodEnd;
	}

}
