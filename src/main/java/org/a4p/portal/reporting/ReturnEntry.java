package org.a4p.portal.reporting;

import org.a4p.portal.account.PortalUser;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Secretariat staff send a submission back to its writer with a comment; the published value stays. */
@Service
public class ReturnEntry {

	private final EntryGuard guard;

	private final WorkflowStep step;

	ReturnEntry(EntryGuard guard, WorkflowStep step) {
		this.guard = guard;
		this.step = step;
	}

	/** @param comment checked by {@link ReviewForm}'s validator: required, plain text */
	@Transactional
	public void returnEntry(PortalUser actor, EntryRef ref, @Nullable Long expectedVersion, String comment) {
		this.step.take(this.guard.reviewable(actor, ref), actor, expectedVersion, RevisionAction.RETURNED,
				(entry, by, now) -> entry.returnWith(comment, by, now));
	}

}
