package org.a4p.portal.reporting;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.reporting.ProgressEntry.Content;
import org.a4p.portal.shared.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A writer (the state's delegate, or Secretariat staff) saves what is on their screen and sends it to the
 * Secretariat for review, in one transaction: the content is saved as a draft exactly as "Save draft" would
 * (same version check, same history), then submitted. Either both happen or nothing does, so what was typed
 * is never dropped in favour of an older saved text. Sent unchanged, a submission stays as it is, and a returned
 * or validated entry is refused (a returned entry is changed before it goes back; a validated one has nothing new).
 */
@Service
class SubmitEntry {

	/**
	 * @param content what the form holds
	 * @param version the version the writer's form was filled from; {@code null} for a new entry
	 */
	record Command(EntryRef ref, Content content, @Nullable Long version) {
	}

	enum Outcome {

		/** Saved (where anything changed) and submitted. */
		SUBMITTED,

		/** It was already submitted with exactly this content: nothing was written. */
		ALREADY_SUBMITTED

	}

	private final EntryGuard guard;

	private final SaveDraft saveDraft;

	private final ProgressEntryRepository entries;

	private final WorkflowStep step;

	SubmitEntry(EntryGuard guard, SaveDraft saveDraft, ProgressEntryRepository entries, WorkflowStep step) {
		this.guard = guard;
		this.saveDraft = saveDraft;
		this.entries = entries;
		this.step = step;
	}

	@Transactional
	Outcome submit(PortalUser actor, Command command) {
		EntryContext context = this.guard.writable(actor, command.ref());
		ProgressEntry current = this.entries
			.findByCycleIdAndCommitmentIdAndStakeholderId(context.cycle().id(), context.commitmentId(),
					context.stakeholderId())
			.orElse(null);
		if (current != null && command.version() != null && current.version() == command.version()
				&& current.holds(command.content(), EntryPermissions.writesOnBehalf(actor, context))) {
			// nothing changed since the writer opened it: only a draft goes for review as it is
			switch (current.workflowState()) {
				case SUBMITTED -> {
					return Outcome.ALREADY_SUBMITTED;
				}
				case RETURNED -> throw Refusal.because("refused.returned-unchanged");
				case VALIDATED -> throw Refusal.because("refused.validated-unchanged");
				case DRAFT -> {
					// submitted below
				}
			}
		}
		// a stale version is refused here (EntryConflictException) and nothing is written
		this.saveDraft.save(actor, command.ref(), command.content(), command.version());
		ProgressEntry saved = this.entries
			.findByCycleIdAndCommitmentIdAndStakeholderId(context.cycle().id(), context.commitmentId(),
					context.stakeholderId())
			.orElseThrow();
		this.step.take(context, actor, saved.version(), RevisionAction.SUBMITTED, ProgressEntry::submit);
		return Outcome.SUBMITTED;
	}

}
