package org.a4p.portal.reporting;

/**
 * Where a progress entry is in the review workflow (product brief section 2):
 * {@code DRAFT → SUBMITTED → VALIDATED | RETURNED}, and any edit makes it a {@code DRAFT} again. Only
 * validation changes what the public sees (the entry's published status).
 */
public enum WorkflowState {

	DRAFT, SUBMITTED, VALIDATED, RETURNED;

	/** The message key of this state's name. */
	public String messageKey() {
		return "workflow." + name();
	}

	/** A CSS-friendly name, e.g. {@code submitted}. */
	public String cssName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
