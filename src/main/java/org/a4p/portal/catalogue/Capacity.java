package org.a4p.portal.catalogue;

/** The capacity in which Member States make a commitment. */
public enum Capacity {

	/** Every endorsing Member State. */
	ALL,

	/** Members of the Security Council. */
	SECURITY_COUNCIL,

	/** Troop- and police-contributing countries. */
	TPCC,

	/** States hosting a peacekeeping operation. */
	HOST_STATE;

	/** Whether a state can hold this capacity over a period (ALL is not held, it is everyone). */
	public boolean isAssignable() {
		return this != ALL;
	}

}
