package org.a4p.portal.reporting;

import org.a4p.portal.account.PortalUser;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A writer (the state's delegate, or Secretariat staff) sends a draft to the Secretariat for review. */
@Service
class SubmitEntry {

	private final EntryGuard guard;

	private final WorkflowStep step;

	SubmitEntry(EntryGuard guard, WorkflowStep step) {
		this.guard = guard;
		this.step = step;
	}

	@Transactional
	public void submit(PortalUser actor, EntryRef ref, @Nullable Long expectedVersion) {
		this.step.take(this.guard.writable(actor, ref), actor, expectedVersion, RevisionAction.SUBMITTED,
				ProgressEntry::submit);
	}

}
