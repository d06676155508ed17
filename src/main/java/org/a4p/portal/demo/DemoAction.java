package org.a4p.portal.demo;

/** What the demonstration-data command does. */
enum DemoAction {

	/** Fill demonstration data; refused when some is already present. */
	GENERATE,

	/** Remove the demonstration data present, then fill it anew. */
	REPLACE,

	/** Remove every demonstration row (endorsements, capacities, cycles, entries, evidence links, revisions). */
	REMOVE

}
