package org.a4p.portal.cycle;

/** Whether a reporting cycle accepts entries ({@code reporting_cycle.state}). */
public enum CycleState {

	OPEN, CLOSED

}
