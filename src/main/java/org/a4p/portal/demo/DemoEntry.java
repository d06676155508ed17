package org.a4p.portal.demo;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.a4p.portal.progress.Status;
import org.jspecify.annotations.Nullable;

/**
 * One illustrative progress entry with its whole history: the steps people took, oldest first.
 * {@link #history()} replays them the way the use cases of the progress package write (SaveDraft,
 * SubmitEntry, ValidateEntry, ReturnEntry and EntryHistory): one revision per step, and the
 * {@code progress_entry} row as it stands after the last one.
 *
 * @param pair the applicable (commitment, stakeholder) pair, in {@code cycle}
 * @param steps every saved version, oldest first; never empty, the first a draft
 * @param enteredBySecretariat written by Secretariat staff for a Member State or an organization
 * @param evidence the links of the last version, in order
 */
record DemoEntry(DemoCycle cycle, DemoPair pair, List<Step> steps, boolean enteredBySecretariat,
		List<Evidence> evidence) {

	/** The Secretariat user who writes on behalf of others, writes the Secretariat's entries and reviews. */
	static final String SECRETARIAT_USER = "demo-secretariat";

	/** The prefix of a Member State delegate's user name, followed by the state's code in lower case. */
	static final String DELEGATE_PREFIX = "demo-delegate-";

	/** The workflow states of {@code progress_entry.workflow_state}. */
	enum Workflow {

		DRAFT, SUBMITTED, VALIDATED, RETURNED

	}

	/** The actions of {@code progress_entry_revision.action}. */
	enum Action {

		CREATED, EDITED, SUBMITTED, VALIDATED, RETURNED

	}

	/**
	 * One step: a draft saved (created or edited), a submission, a validation or a return.
	 *
	 * @param status the status of a draft saved at this step (a review or a submission leaves it alone)
	 * @param reviewComment the reviewer's comment on a return
	 * @param firstRound part of an earlier round (up to a validation or return) that a later round changed
	 */
	record Step(OffsetDateTime at, Workflow workflow, Status status, String narrative, @Nullable String reviewComment,
			boolean firstRound) {
	}

	record Evidence(String title, String url) {
	}

	/** The entry right after one step, as {@code progress_entry_revision} keeps it. */
	record Revision(int number, Action action, String actor, OffsetDateTime at, long version, Status status,
			Workflow workflow, String narrative, @Nullable String reviewComment, boolean enteredBySecretariat,
			@Nullable Status publishedStatus, List<Evidence> evidence) {
	}

	/**
	 * The revisions and the {@code progress_entry} row after the last step (its content is the last
	 * revision's).
	 */
	record History(List<Revision> revisions, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
			String updatedBy, @Nullable OffsetDateTime submittedAt, @Nullable OffsetDateTime publishedAt,
			@Nullable String reviewedBy, @Nullable OffsetDateTime reviewedAt) {

		Revision last() {
			return this.revisions.get(this.revisions.size() - 1);
		}

		/** The entry's {@code version}: 0 when created, one more per change, as JPA's {@code @Version} counts. */
		long version() {
			return last().version();
		}

	}

	DemoEntry {
		if (steps.isEmpty() || steps.get(0).workflow() != Workflow.DRAFT) {
			throw new IllegalArgumentException("an entry starts with a draft");
		}
		steps = List.copyOf(steps);
		evidence = List.copyOf(evidence);
	}

	/** Who saves and submits the entry: Secretariat staff, or the Member State's delegate. */
	String writer() {
		return (this.enteredBySecretariat || !"MEMBER_STATE".equals(this.pair.stakeholderKind())) ? SECRETARIAT_USER
				: DELEGATE_PREFIX + this.pair.stakeholderCode().toLowerCase(Locale.ROOT);
	}

	/** The evidence links a step shows: an earlier round lacks the last one, which was added later. */
	List<Evidence> evidenceAt(Step step) {
		return (step.firstRound() && !this.evidence.isEmpty()) ? this.evidence.subList(0, this.evidence.size() - 1)
				: this.evidence;
	}

	/**
	 * Replays the steps as the use cases apply them to {@code ProgressEntry}: saving a draft sets
	 * the content and makes the entry a draft (the review comment stays); submitting sets
	 * {@code submitted_at}; validating publishes the status and clears the comment; returning sets
	 * the comment. Each step is one revision and one more version.
	 */
	History history() {
		String writer = writer();
		List<Revision> revisions = new ArrayList<>(this.steps.size());
		Step first = this.steps.get(0);
		Status status = first.status();
		String narrative = first.narrative();
		List<Evidence> links = evidenceAt(first);
		Workflow state = Workflow.DRAFT;
		String reviewComment = null;
		Status published = null;
		OffsetDateTime publishedAt = null;
		OffsetDateTime updatedAt = first.at();
		String updatedBy = writer;
		OffsetDateTime submittedAt = null;
		String reviewedBy = null;
		OffsetDateTime reviewedAt = null;
		long version = 0;
		revisions.add(new Revision(1, Action.CREATED, writer, first.at(), version, status, state, narrative,
				reviewComment, this.enteredBySecretariat, published, links));
		for (int i = 1; i < this.steps.size(); i++) {
			Step step = this.steps.get(i);
			if (!step.at().isAfter(updatedAt)) {
				throw new IllegalArgumentException("steps must be in time order: " + this.steps);
			}
			Action action;
			String actor;
			switch (step.workflow()) {
				case DRAFT -> {
					require(state != Workflow.DRAFT, state, step); // saving an unchanged draft writes nothing
					action = Action.EDITED;
					actor = writer;
					status = step.status();
					narrative = step.narrative();
					links = evidenceAt(step);
					updatedBy = writer;
				}
				case SUBMITTED -> {
					require(state == Workflow.DRAFT, state, step);
					action = Action.SUBMITTED;
					actor = writer;
					submittedAt = step.at();
					updatedBy = writer;
				}
				case VALIDATED -> {
					require(state == Workflow.SUBMITTED, state, step);
					action = Action.VALIDATED;
					actor = SECRETARIAT_USER;
					published = status;
					publishedAt = step.at();
					reviewComment = null;
					reviewedBy = actor;
					reviewedAt = step.at();
				}
				case RETURNED -> {
					require(state == Workflow.SUBMITTED && step.reviewComment() != null, state, step);
					action = Action.RETURNED;
					actor = SECRETARIAT_USER;
					reviewComment = step.reviewComment();
					reviewedBy = actor;
					reviewedAt = step.at();
				}
				default -> throw new IllegalStateException();
			}
			state = step.workflow();
			updatedAt = step.at();
			version++;
			revisions.add(new Revision(i + 1, action, actor, step.at(), version, status, state, narrative, reviewComment,
					this.enteredBySecretariat, published, links));
		}
		return new History(List.copyOf(revisions), first.at(), writer, updatedAt, updatedBy, submittedAt, publishedAt,
				reviewedBy, reviewedAt);
	}

	private void require(boolean allowed, Workflow state, Step step) {
		if (!allowed) {
			throw new IllegalArgumentException("The workflow does not allow " + step.workflow() + " after " + state
					+ " (" + this.pair.commitmentCode() + "/" + this.pair.stakeholderCode() + ")");
		}
	}

}
