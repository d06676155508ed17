package org.a4p.portal.reporting;

import java.time.Instant;
import java.util.Map;

import org.a4p.portal.account.PortalUser;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A writer (the state's delegate, or Secretariat staff) sends a draft to the Secretariat for review. */
@Service
class SubmitEntry {

	private final EntryGuard guard;

	private final ProgressEntryRepository entries;

	private final EntryHistory history;

	SubmitEntry(EntryGuard guard, ProgressEntryRepository entries, EntryHistory history) {
		this.guard = guard;
		this.entries = entries;
		this.history = history;
	}

	@Transactional
	public void submit(PortalUser actor, EntryRef ref, @Nullable Long expectedVersion) {
		EntryContext context = this.guard.writable(actor, ref);
		ProgressEntry entry = WorkflowStep.load(this.entries, context, expectedVersion);
		Map<String, @Nullable Object> before = entry.snapshot();
		Instant now = Instant.now();
		entry.submit(WorkflowStep.name(actor), now);
		this.entries.saveAndFlush(entry);
		this.history.record(entry, RevisionAction.SUBMITTED, WorkflowStep.name(actor), now, context, before);
	}

}
