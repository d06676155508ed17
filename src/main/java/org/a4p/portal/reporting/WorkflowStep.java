package org.a4p.portal.reporting;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.shared.Refusal;
import org.jspecify.annotations.Nullable;

/** What the workflow use cases share: find the saved entry and check the writer's version. */
final class WorkflowStep {

	private WorkflowStep() {
	}

	/**
	 * The saved entry, at the version the user saw.
	 * @param expectedVersion {@code null} when the form did not come from a saved entry's page
	 */
	static ProgressEntry load(ProgressEntryRepository entries, EntryContext context, @Nullable Long expectedVersion) {
		if (expectedVersion == null) {
			throw Refusal.because("refused.nothing-saved");
		}
		ProgressEntry entry = entries
			.findByCycleIdAndCommitmentIdAndStakeholderId(context.cycle().id(), context.commitmentId(),
					context.stakeholderId())
			.orElseThrow(() -> Refusal.because("refused.nothing-saved"));
		if (entry.version() != expectedVersion) {
			throw new EntryConflictException();
		}
		return entry;
	}

	static String name(PortalUser actor) {
		return actor.getUsername();
	}

}
