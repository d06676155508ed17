package org.a4p.portal.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.reporting.ProgressEntry.Content;
import org.a4p.portal.shared.DatabaseConstraint;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A writer saves an entry as a draft: creates it, or changes it (whatever its state, it becomes a
 * draft again; a published value stays until the next validation). The form carries the version the
 * writer started from; if the entry changed since (or was created by someone else meanwhile), nothing is
 * written ({@link EntryConflictException}).
 */
@Service
class SaveDraft {

	enum Outcome {

		CREATED, CHANGED, UNCHANGED

	}

	private final EntryGuard guard;

	private final ProgressEntryRepository entries;

	private final EntryHistory history;

	private final Clock clock;

	SaveDraft(EntryGuard guard, ProgressEntryRepository entries, EntryHistory history, Clock clock) {
		this.guard = guard;
		this.entries = entries;
		this.history = history;
		this.clock = clock;
	}

	/**
	 * @param expectedVersion the version the writer's form was filled from; {@code null} for a new entry
	 */
	@Transactional
	Outcome save(PortalUser actor, EntryRef ref, Content content, @Nullable Long expectedVersion) {
		EntryContext context = this.guard.writable(actor, ref);
		boolean onBehalf = EntryPermissions.writesOnBehalf(actor, context);
		Instant now = this.clock.instant();
		Optional<ProgressEntry> existing = this.entries.findByCycleIdAndCommitmentIdAndStakeholderId(
				context.cycle().id(), context.commitmentId(), context.stakeholderId());
		if (existing.isEmpty()) {
			if (expectedVersion != null) {
				throw new EntryConflictException();
			}
			ProgressEntry entry = new ProgressEntry(context.cycle().id(), context.commitmentId(),
					context.stakeholderId(), content, actor.getUsername(), onBehalf, now);
			insert(entry);
			this.history.record(entry, RevisionAction.CREATED, actor.getUsername(), now, context, null);
			return Outcome.CREATED;
		}
		ProgressEntry entry = existing.get();
		if (expectedVersion == null || expectedVersion != entry.version()) {
			throw new EntryConflictException();
		}
		Map<String, @Nullable Object> before = entry.snapshot();
		if (!entry.edit(content, actor.getUsername(), onBehalf, now)) {
			return Outcome.UNCHANGED;
		}
		this.entries.saveAndFlush(entry);
		this.history.record(entry, RevisionAction.EDITED, actor.getUsername(), now, context, before);
		return Outcome.CHANGED;
	}

	/** Someone else created the entry a moment ago (the unique triple): a conflict, as for a stale version. */
	private void insert(ProgressEntry entry) {
		try {
			this.entries.saveAndFlush(entry);
		}
		catch (DataIntegrityViolationException ex) {
			if (DatabaseConstraint.violated(ex, ProgressEntry.ONE_PER_TRIPLE)) {
				throw new EntryConflictException();
			}
			throw ex;
		}
	}

}
