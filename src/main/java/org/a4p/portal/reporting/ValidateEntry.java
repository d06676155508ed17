package org.a4p.portal.reporting;

import org.a4p.portal.account.PortalUser;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secretariat staff validate a submission: its status becomes the published one, which the public
 * figures count. The same Secretariat user who submitted an entry may validate it (see
 * docs/progress-workflow.md). {@link EntryValidated} is published in the same transaction.
 */
@Service
public class ValidateEntry {

	private final EntryGuard guard;

	private final WorkflowStep step;

	private final ApplicationEventPublisher events;

	ValidateEntry(EntryGuard guard, WorkflowStep step, ApplicationEventPublisher events) {
		this.guard = guard;
		this.step = step;
		this.events = events;
	}

	@Transactional
	public void validate(PortalUser actor, EntryRef ref, @Nullable Long expectedVersion) {
		EntryContext context = this.guard.reviewable(actor, ref);
		ProgressEntry entry = this.step.take(context, actor, expectedVersion, RevisionAction.VALIDATED,
				ProgressEntry::validate);
		this.events.publishEvent(new EntryValidated(entry.id(), context.ref(), context.stakeholderId(),
				actor.getUsername(), entry.updatedAt()));
	}

}
