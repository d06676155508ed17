package org.a4p.portal.reporting;

/** What a change of a progress entry was, as its history names it. */
enum RevisionAction {

	CREATED, EDITED, SUBMITTED, VALIDATED, RETURNED;

	public String messageKey() {
		return "history.action." + name();
	}

}
