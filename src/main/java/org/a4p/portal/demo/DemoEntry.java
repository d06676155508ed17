package org.a4p.portal.demo;

import java.time.OffsetDateTime;
import java.util.List;

import org.a4p.portal.progress.Status;
import org.jspecify.annotations.Nullable;

/**
 * One illustrative progress entry with its whole history. The {@code progress_entry} row is the
 * last step; the steps themselves are kept so that a revision-history table can be filled from
 * them (one row per step) the same way evidence links are (see {@link DemoDataGenerator}).
 *
 * @param pair the applicable (commitment, stakeholder) pair, in {@code cycle}
 * @param steps every saved version, oldest first; never empty
 * @param enteredBySecretariat written by Secretariat staff on behalf of a Member State
 * @param evidence links, in order
 */
record DemoEntry(DemoCycle cycle, DemoPair pair, List<Step> steps, boolean enteredBySecretariat,
		List<Evidence> evidence) {

	/** The workflow states of {@code progress_entry.workflow_state}. */
	enum Workflow {

		DRAFT, SUBMITTED, VALIDATED, RETURNED

	}

	/** One saved version of the entry: who did what is implied by the workflow state. */
	record Step(OffsetDateTime at, Workflow workflow, Status status, String narrative, @Nullable String reviewComment) {
	}

	record Evidence(String title, String url) {
	}

	DemoEntry {
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("an entry has at least one step");
		}
		steps = List.copyOf(steps);
		evidence = List.copyOf(evidence);
	}

	Step last() {
		return this.steps.get(this.steps.size() - 1);
	}

	Step first() {
		return this.steps.get(0);
	}

	/** The last validated step: what the public sees, if any. */
	@Nullable Step published() {
		for (int i = this.steps.size() - 1; i >= 0; i--) {
			if (this.steps.get(i).workflow() == Workflow.VALIDATED) {
				return this.steps.get(i);
			}
		}
		return null;
	}

	/** When it was last submitted, while it is submitted, validated or returned. */
	@Nullable OffsetDateTime submittedAt() {
		if (last().workflow() == Workflow.DRAFT) {
			return null;
		}
		for (int i = this.steps.size() - 1; i >= 0; i--) {
			if (this.steps.get(i).workflow() == Workflow.SUBMITTED) {
				return this.steps.get(i).at();
			}
		}
		return null;
	}

	/** The reviewer's comment while the entry is returned, or redrafted after being returned. */
	@Nullable String reviewComment() {
		Step last = last();
		if (last.workflow() == Workflow.RETURNED) {
			return last.reviewComment();
		}
		if (last.workflow() == Workflow.DRAFT && this.steps.size() > 1
				&& this.steps.get(this.steps.size() - 2).workflow() == Workflow.RETURNED) {
			return this.steps.get(this.steps.size() - 2).reviewComment();
		}
		return null;
	}

}
