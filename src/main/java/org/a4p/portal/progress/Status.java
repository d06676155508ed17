package org.a4p.portal.progress;

import java.util.List;

/**
 * The progress status scale (after the OGP Independent Reporting Mechanism): ordinal from
 * {@link #NO_EVIDENCE} to {@link #COMPLETE}, with {@link #NOT_APPLICABLE} counted apart.
 * {@code NO_EVIDENCE} is never stored: it is the value of an applicable pair without a published entry.
 */
public enum Status {

	NO_EVIDENCE, NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE, NOT_APPLICABLE;

	/** The statuses a person can report (everything but NO_EVIDENCE). */
	public static final List<Status> REPORTABLE = List.of(NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE, NOT_APPLICABLE);

	/** The statuses in a stacked bar, most advanced first; NOT_APPLICABLE is shown apart. */
	public static final List<Status> SCALE = List.of(COMPLETE, SUBSTANTIAL, LIMITED, NOT_STARTED, NO_EVIDENCE);

	/** The message key of this status's name. */
	public String messageKey() {
		return "status." + name();
	}

	/** A CSS-friendly name, e.g. {@code no-evidence}. */
	public String cssName() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
