package org.a4p.portal.progress;

import org.a4p.portal.account.PortalUser;

/** What the workflow use cases share: find the saved entry and check the writer's version. */
final class WorkflowStep {

	private WorkflowStep() {
	}

	static ProgressEntry load(ProgressEntryRepository entries, EntryContext context, long expectedVersion) {
		ProgressEntry entry = entries
			.findByCycleIdAndCommitmentIdAndStakeholderId(context.cycle().id(), context.commitmentId(),
					context.stakeholderId())
			.orElseThrow(NothingToSubmitException::new);
		if (entry.version() != expectedVersion) {
			throw new EntryConflictException();
		}
		return entry;
	}

	static String name(PortalUser actor) {
		return actor.getUsername();
	}

}
