package org.a4p.portal.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.a4p.portal.progress.Status;
import org.a4p.portal.reporting.EvidenceLink.Link;
import org.a4p.portal.shared.Refusal;
import org.hibernate.annotations.ListIndexJdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A stakeholder's report on one commitment in one reporting cycle. {@link #status} is the working
 * value; {@link #publishedStatus} is the value last validated, which is what the public counts and
 * which later edits leave alone until the next validation. Every state change goes through one of
 * the methods below, which refuse transitions the workflow does not allow.
 */
@Entity
@Table(name = "progress_entry")
class ProgressEntry {

	/** At most one entry per (cycle, commitment, stakeholder): the unique constraint that says so. */
	static final String ONE_PER_TRIPLE = "progress_entry_one_per_triple";

	/** What a writer sets: the working status, the narrative and the evidence links. */
	record Content(Status status, String narrative, List<Link> evidence) {

		Content {
			if (!Status.REPORTABLE.contains(status)) {
				throw new IllegalArgumentException("Not a reportable status: " + status);
			}
			evidence = List.copyOf(evidence);
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "cycle_id", nullable = false, updatable = false)
	private long cycleId;

	@Column(name = "commitment_id", nullable = false, updatable = false)
	private long commitmentId;

	@Column(name = "stakeholder_id", nullable = false, updatable = false)
	private long stakeholderId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@Enumerated(EnumType.STRING)
	@Column(name = "workflow_state", nullable = false)
	private WorkflowState workflowState;

	@Column(nullable = false)
	private String narrative;

	@Column(name = "review_comment")
	private @Nullable String reviewComment;

	@Column(name = "entered_by_secretariat", nullable = false)
	private boolean enteredBySecretariat;

	@Enumerated(EnumType.STRING)
	@Column(name = "published_status")
	private @Nullable Status publishedStatus;

	@Column(name = "published_at")
	private @Nullable Instant publishedAt;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "submitted_at")
	private @Nullable Instant submittedAt;

	@Column(nullable = false, updatable = false)
	private boolean demo;

	@Column(name = "created_by", updatable = false)
	private @Nullable String createdBy;

	@Column(name = "updated_by")
	private @Nullable String updatedBy;

	@Column(name = "reviewed_by")
	private @Nullable String reviewedBy;

	@Column(name = "reviewed_at")
	private @Nullable Instant reviewedAt;

	@Version
	private long version;

	@ElementCollection
	@CollectionTable(name = "evidence_link", joinColumns = @JoinColumn(name = "entry_id"))
	@OrderColumn(name = "position")
	@ListIndexJdbcTypeCode(SqlTypes.SMALLINT)
	private List<EvidenceLink> evidence = new ArrayList<>();

	protected ProgressEntry() {
		this.status = Status.NOT_STARTED;
		this.workflowState = WorkflowState.DRAFT;
		this.narrative = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	/** A new draft. */
	ProgressEntry(long cycleId, long commitmentId, long stakeholderId, Content content, String actor,
			boolean enteredBySecretariat, Instant now) {
		this.cycleId = cycleId;
		this.commitmentId = commitmentId;
		this.stakeholderId = stakeholderId;
		this.status = content.status();
		this.narrative = content.narrative();
		content.evidence().forEach((link) -> this.evidence.add(new EvidenceLink(link.title(), link.url())));
		this.workflowState = WorkflowState.DRAFT;
		this.enteredBySecretariat = enteredBySecretariat;
		this.createdAt = now;
		this.updatedAt = now;
		this.createdBy = actor;
		this.updatedBy = actor;
	}

	/**
	 * Sets new content; whatever the state, the entry becomes a draft again (a returned entry once
	 * edited, a submission taken back, or a validated entry being updated: its published value stays).
	 *
	 * @return whether anything changed (nothing is written when not)
	 */
	boolean edit(Content content, String actor, boolean bySecretariatOnBehalf, Instant now) {
		if (this.workflowState == WorkflowState.DRAFT && holds(content, bySecretariatOnBehalf)) {
			return false;
		}
		this.status = content.status();
		this.narrative = content.narrative();
		if (!links().equals(content.evidence())) {
			this.evidence.clear();
			content.evidence().forEach((link) -> this.evidence.add(new EvidenceLink(link.title(), link.url())));
		}
		this.workflowState = WorkflowState.DRAFT;
		this.enteredBySecretariat = bySecretariatOnBehalf;
		this.updatedAt = now;
		this.updatedBy = actor;
		return true;
	}

	/** Whether the entry holds this content, entered by the same side (its workflow state aside). */
	boolean holds(Content content, boolean bySecretariatOnBehalf) {
		return this.status == content.status() && this.narrative.equals(content.narrative())
				&& links().equals(content.evidence()) && this.enteredBySecretariat == bySecretariatOnBehalf;
	}

	/** A draft goes to the Secretariat for review. */
	void submit(String actor, Instant now) {
		require(WorkflowState.DRAFT);
		this.workflowState = WorkflowState.SUBMITTED;
		this.submittedAt = now;
		this.updatedAt = now;
		this.updatedBy = actor;
	}

	/** The Secretariat accepts a submission: its status becomes the published one. */
	void validate(String actor, Instant now) {
		require(WorkflowState.SUBMITTED);
		this.workflowState = WorkflowState.VALIDATED;
		this.publishedStatus = this.status;
		this.publishedAt = now;
		this.reviewComment = null;
		this.reviewedBy = actor;
		this.reviewedAt = now;
		this.updatedAt = now;
	}

	/** The Secretariat sends a submission back with a comment; the published value does not change. */
	void returnWith(String comment, String actor, Instant now) {
		require(WorkflowState.SUBMITTED);
		if (comment.isBlank()) {
			throw new IllegalArgumentException("A returned entry needs a comment");
		}
		this.workflowState = WorkflowState.RETURNED;
		this.reviewComment = comment;
		this.reviewedBy = actor;
		this.reviewedAt = now;
		this.updatedAt = now;
	}

	private void require(WorkflowState expected) {
		if (this.workflowState != expected) {
			throw Refusal.because("refused.transition",
					new DefaultMessageSourceResolvable(this.workflowState.messageKey()));
		}
	}

	List<Link> links() {
		return this.evidence.stream().map(EvidenceLink::toLink).toList();
	}

	/** The fields the history and the audit log keep, in a stable order. */
	Map<String, @Nullable Object> snapshot() {
		Map<String, @Nullable Object> state = new LinkedHashMap<>();
		state.put("status", this.status.name());
		state.put("workflowState", this.workflowState.name());
		state.put("narrative", this.narrative);
		state.put("evidence", links().stream().map((l) -> Map.of("title", l.title(), "url", l.url())).toList());
		state.put("reviewComment", this.reviewComment);
		state.put("enteredBySecretariat", this.enteredBySecretariat);
		state.put("publishedStatus", (this.publishedStatus != null) ? this.publishedStatus.name() : null);
		state.put("version", this.version);
		return state;
	}

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("Not saved yet");
		}
		return this.id;
	}

	long cycleId() {
		return this.cycleId;
	}

	/** When the entry last changed (any workflow step included). */
	Instant updatedAt() {
		return this.updatedAt;
	}

	long commitmentId() {
		return this.commitmentId;
	}

	long stakeholderId() {
		return this.stakeholderId;
	}

	Status status() {
		return this.status;
	}

	WorkflowState workflowState() {
		return this.workflowState;
	}

	String narrative() {
		return this.narrative;
	}

	@Nullable String reviewComment() {
		return this.reviewComment;
	}

	boolean enteredBySecretariat() {
		return this.enteredBySecretariat;
	}

	@Nullable Status publishedStatus() {
		return this.publishedStatus;
	}

	@Nullable Instant publishedAt() {
		return this.publishedAt;
	}

	long version() {
		return this.version;
	}

}
