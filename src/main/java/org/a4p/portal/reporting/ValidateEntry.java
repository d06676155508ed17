package org.a4p.portal.reporting;

import org.a4p.portal.account.PortalUser;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secretariat staff validate a submission: its status becomes the published one, which the public
 * figures count. The same Secretariat user who submitted an entry may validate it (see
 * docs/progress-workflow.md).
 */
@Service
public class ValidateEntry {

	private final EntryGuard guard;

	private final WorkflowStep step;

	ValidateEntry(EntryGuard guard, WorkflowStep step) {
		this.guard = guard;
		this.step = step;
	}

	@Transactional
	public void validate(PortalUser actor, EntryRef ref, @Nullable Long expectedVersion) {
		this.step.take(this.guard.reviewable(actor, ref), actor, expectedVersion, RevisionAction.VALIDATED,
				ProgressEntry::validate);
	}

}
