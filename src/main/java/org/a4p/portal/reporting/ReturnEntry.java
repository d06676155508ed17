package org.a4p.portal.reporting;

import java.time.Instant;
import java.util.Map;

import org.a4p.portal.account.PortalUser;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Secretariat staff send a submission back to its writer with a comment; the published value stays. */
@Service
public class ReturnEntry {

	private final EntryGuard guard;

	private final ProgressEntryRepository entries;

	private final EntryHistory history;

	ReturnEntry(EntryGuard guard, ProgressEntryRepository entries, EntryHistory history) {
		this.guard = guard;
		this.entries = entries;
		this.history = history;
	}

	/** @param comment checked by {@link ReviewForm}'s validator: required, plain text */
	@Transactional
	public void returnEntry(PortalUser actor, EntryRef ref, @Nullable Long expectedVersion, String comment) {
		EntryContext context = this.guard.reviewable(actor, ref);
		ProgressEntry entry = WorkflowStep.load(this.entries, context, expectedVersion);
		Map<String, @Nullable Object> before = entry.snapshot();
		Instant now = Instant.now();
		entry.returnWith(comment, WorkflowStep.name(actor), now);
		this.entries.saveAndFlush(entry);
		this.history.record(entry, RevisionAction.RETURNED, WorkflowStep.name(actor), now, context, before);
	}

}
