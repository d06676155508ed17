package org.a4p.portal.reporting;

import java.time.Instant;
import java.util.Map;

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

	private final ProgressEntryRepository entries;

	private final EntryHistory history;

	ValidateEntry(EntryGuard guard, ProgressEntryRepository entries, EntryHistory history) {
		this.guard = guard;
		this.entries = entries;
		this.history = history;
	}

	@Transactional
	public void validate(PortalUser actor, EntryRef ref, @Nullable Long expectedVersion) {
		EntryContext context = this.guard.reviewable(actor, ref);
		ProgressEntry entry = WorkflowStep.load(this.entries, context, expectedVersion);
		Map<String, @Nullable Object> before = entry.snapshot();
		Instant now = Instant.now();
		entry.validate(WorkflowStep.name(actor), now);
		this.entries.saveAndFlush(entry);
		this.history.record(entry, RevisionAction.VALIDATED, WorkflowStep.name(actor), now, context, before);
	}

}
