package org.a4p.portal.progress;

/** Which value of an entry the figures count. */
public enum Basis {

	/** The value last validated by the Secretariat: what the public sees. */
	PUBLISHED("pe.published_status"),

	/** Also what states have submitted and not yet had validated: shown only to those allowed, labelled. */
	SELF_REPORTED("case when pe.workflow_state in ('SUBMITTED', 'VALIDATED') then pe.status else pe.published_status end");

	final String statusColumn;

	Basis(String statusColumn) {
		this.statusColumn = statusColumn;
	}

}
