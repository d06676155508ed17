package org.a4p.portal.progress;

/** A write in a closed reporting cycle: its entries are read-only. Answered with 409 and a clear message. */
class CycleClosedException extends RuntimeException {

	private final String cycleCode;

	CycleClosedException(String cycleCode) {
		super("Reporting cycle " + cycleCode + " is closed");
		this.cycleCode = cycleCode;
	}

	String cycleCode() {
		return this.cycleCode;
	}

}
