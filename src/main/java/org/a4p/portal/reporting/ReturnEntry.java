package org.a4p.portal.reporting;

import org.a4p.portal.account.PortalUser;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secretariat staff send a submission back to its writer with a comment; the published value stays.
 * {@link EntryReturned} is published in the same transaction.
 */
@Service
public class ReturnEntry {

	private final EntryGuard guard;

	private final WorkflowStep step;

	private final ApplicationEventPublisher events;

	ReturnEntry(EntryGuard guard, WorkflowStep step, ApplicationEventPublisher events) {
		this.guard = guard;
		this.step = step;
		this.events = events;
	}

	/** @param comment checked by {@link ReviewForm}'s validator: required, plain text */
	@Transactional
	public void returnEntry(PortalUser actor, EntryRef ref, @Nullable Long expectedVersion, String comment) {
		EntryContext context = this.guard.reviewable(actor, ref);
		ProgressEntry entry = this.step.take(context, actor, expectedVersion, RevisionAction.RETURNED,
				(saved, by, now) -> saved.returnWith(comment, by, now));
		this.events.publishEvent(new EntryReturned(entry.id(), context.ref(), context.stakeholderId(),
				context.commitmentTitle(), comment, actor.getUsername(), entry.updatedAt()));
	}

}
