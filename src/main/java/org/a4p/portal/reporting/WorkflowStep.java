package org.a4p.portal.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.shared.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the workflow use cases (submit, validate, return) share: find the saved entry at the version the
 * user saw, take the step, save it and record the revision, in the use case's transaction.
 */
@Component
class WorkflowStep {

	/** A step of an entry's workflow, taken by {@code actor} at {@code now}. */
	@FunctionalInterface
	interface Step {

		void take(ProgressEntry entry, String actor, Instant now);

	}

	private final ProgressEntryRepository entries;

	private final EntryHistory history;

	private final Clock clock;

	WorkflowStep(ProgressEntryRepository entries, EntryHistory history, Clock clock) {
		this.entries = entries;
		this.history = history;
		this.clock = clock;
	}

	/**
	 * @param context the entry's context, checked for the actor by the use case
	 * @param expectedVersion {@code null} when the form did not come from a saved entry's page
	 * @return the entry as saved
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	ProgressEntry take(EntryContext context, PortalUser actor, @Nullable Long expectedVersion, RevisionAction action,
			Step step) {
		ProgressEntry entry = load(context, expectedVersion);
		Map<String, @Nullable Object> before = entry.snapshot();
		Instant now = this.clock.instant();
		step.take(entry, actor.getUsername(), now);
		this.entries.saveAndFlush(entry);
		this.history.record(entry, action, actor.getUsername(), now, context, before);
		return entry;
	}

	/** The saved entry, at the version the user saw. */
	private ProgressEntry load(EntryContext context, @Nullable Long expectedVersion) {
		if (expectedVersion == null) {
			throw Refusal.because("refused.nothing-saved");
		}
		ProgressEntry entry = this.entries
			.findByCycleIdAndCommitmentIdAndStakeholderId(context.cycle().id(), context.commitmentId(),
					context.stakeholderId())
			.orElseThrow(() -> Refusal.because("refused.nothing-saved"));
		if (entry.version() != expectedVersion) {
			throw new EntryConflictException();
		}
		return entry;
	}

}
