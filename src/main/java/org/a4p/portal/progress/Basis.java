package org.a4p.portal.progress;

/** Which value of each applicable pair the figures count, and where it is read from. */
public enum Basis {

	/**
	 * What the public sees: the value last validated by the Secretariat, live for an open cycle and as
	 * recorded at publication for a closed one (the {@code public_pair} view).
	 */
	PUBLISHED("from public_pair pp ", "pp.cycle_id", "pp.status as status, count(*) as pairs, "
			+ "count(*) filter (where pp.reported) as reported "),

	/**
	 * Also what states have submitted and not yet had validated, always live: shown only to those allowed,
	 * labelled.
	 */
	SELF_REPORTED("from applicable_pair pp left join progress_entry pe on pe.cycle_id = pp.cycle_id "
			+ "and pe.commitment_id = pp.commitment_id and pe.stakeholder_id = pp.stakeholder_id ", "pp.cycle_id",
			Basis.SELF_REPORTED_STATUS + " as status, count(*) as pairs, "
					+ "count(pe.id) filter (where " + Basis.SELF_REPORTED_REPORTED + ") as reported ");

	/**
	 * A pair's self-reported status ({@code pe}: its entry, if any): what was submitted, else what was validated
	 * before, else NO_EVIDENCE. A draft never counts.
	 */
	static final String SELF_REPORTED_STATUS = "coalesce(case when pe.workflow_state in ('SUBMITTED', 'VALIDATED') "
			+ "then pe.status else pe.published_status end, 'NO_EVIDENCE')";

	/** Whether a pair's entry ({@code pe}) was reported: submitted or validated (null where there is no entry). */
	static final String SELF_REPORTED_REPORTED = "(pe.published_status is not null "
			+ "or pe.workflow_state in ('SUBMITTED', 'VALIDATED'))";

	/** The pairs ({@code pp}: cycle_id, commitment_id, stakeholder_id) with whatever the counts need. */
	final String from;

	final String cycleColumn;

	/** {@code status, pairs, reported} of a group. */
	final String counts;

	Basis(String from, String cycleColumn, String counts) {
		this.from = from;
		this.cycleColumn = cycleColumn;
		this.counts = counts;
	}

}
