package org.a4p.portal.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.progress.Status;
import org.a4p.portal.reporting.EvidenceLink.Link;
import org.a4p.portal.stakeholder.StakeholderNames;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads one progress entry: what its address names, its current state and its history. */
@Service
@Transactional(readOnly = true)
class EntryQueries {

	/** An entry as its page shows it. */
	record EntryView(long id, Status status, WorkflowState workflowState, String narrative,
			@Nullable String reviewComment, boolean enteredBySecretariat, @Nullable Status publishedStatus,
			@Nullable OffsetDateTime publishedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt,
			@Nullable OffsetDateTime submittedAt, @Nullable String createdBy, @Nullable String updatedBy,
			@Nullable String reviewedBy, @Nullable OffsetDateTime reviewedAt, long version, List<Link> evidence) {

		/** Counted as reported (reporting compliance): submitted, validated, or published earlier. */
		boolean reported() {
			return this.publishedStatus != null || this.workflowState == WorkflowState.SUBMITTED
					|| this.workflowState == WorkflowState.VALIDATED;
		}

	}

	/** The entry right after one change, as the revision table keeps it. */
	record Revision(int revision, RevisionAction action, String actor, OffsetDateTime occurredAt, Status status,
			WorkflowState workflowState, String narrative, @Nullable String reviewComment, boolean enteredBySecretariat,
			@Nullable Status publishedStatus, List<Link> evidence) {
	}

	/** One change in the history: which revision, who, when, and what changed from the revision before. */
	record HistoryItem(Revision revision, List<Change> changes) {
	}

	/** What a change did to one field; {@code before} is {@code null} for the first revision. */
	record Change(String field, ChangeKind kind, @Nullable String before, @Nullable String after,
			List<LineDiff.Line> lines, List<Link> added, List<Link> removed) {
	}

	enum ChangeKind {

		STATUS, WORKFLOW, TEXT, FLAG, LINKS

	}

	private static final TypeReference<List<Link>> LINKS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	EntryQueries(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The cycle, stakeholder and commitment an address names (empty when any code is unknown). */
	Optional<EntryContext> context(EntryRef ref, Locale locale) {
		return this.jdbc.sql("""
				select rc.id as cycle_id, rc.code as cycle_code, rc.period_start, rc.period_end, rc.opens_on,
				       rc.deadline, rc.state = 'OPEN' as cycle_open, rc.demo as cycle_demo,
				       s.id as stakeholder_id, s.code as stakeholder_code, s.kind as stakeholder_kind,
				""" + StakeholderNames.COLUMNS + """
				     , c.id as commitment_id, c.code as commitment_code, a.code as area_code,
				       coalesce(t.title, en.title) as commitment_title,
				       exists (select 1 from applicable_pair ap where ap.cycle_id = rc.id
				               and ap.commitment_id = c.id and ap.stakeholder_id = s.id) as applicable
				from reporting_cycle rc
				cross join stakeholder s
				cross join commitment c
				join area a on a.id = c.area_id
				join catalogue_version v on v.is_current
				join commitment_text en on en.commitment_id = c.id and en.catalogue_version_id = v.id and en.lang = 'en'
				left join commitment_text t on t.commitment_id = c.id and t.catalogue_version_id = v.id and t.lang = :lang
				where rc.code = :cycle and s.code = :stakeholder and c.code = :commitment
				""")
			.param("lang", StakeholderNames.lang(locale))
			.param("cycle", ref.cycleCode())
			.param("stakeholder", ref.stakeholderCode())
			.param("commitment", ref.commitmentCode())
			.query((rs, n) -> new EntryContext(
					new CycleView(rs.getLong("cycle_id"), rs.getString("cycle_code"),
							rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
							rs.getObject("opens_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
							rs.getBoolean("cycle_open"), rs.getBoolean("cycle_demo")),
					rs.getLong("stakeholder_id"), rs.getString("stakeholder_code"), rs.getString("stakeholder_kind"),
					StakeholderNames.name(rs, locale),
					rs.getLong("commitment_id"), rs.getString("commitment_code"), rs.getString("area_code"),
					rs.getString("commitment_title"), rs.getBoolean("applicable")))
			.optional();
	}

	/** The entry of a (cycle, commitment, stakeholder) triple, with its evidence links, in one query. */
	Optional<EntryView> entry(EntryContext context) {
		return this.jdbc.sql("""
				select pe.*, coalesce((select json_agg(json_build_object('title', el.title, 'url', el.url)
				                                       order by el.position)
				                       from evidence_link el where el.entry_id = pe.id), '[]') as evidence
				from progress_entry pe
				where pe.cycle_id = :cycle and pe.commitment_id = :commitment and pe.stakeholder_id = :stakeholder
				""")
			.param("cycle", context.cycle().id())
			.param("commitment", context.commitmentId())
			.param("stakeholder", context.stakeholderId())
			.query((rs, n) -> new EntryView(rs.getLong("id"), Status.valueOf(rs.getString("status")),
					WorkflowState.valueOf(rs.getString("workflow_state")), rs.getString("narrative"),
					rs.getString("review_comment"), rs.getBoolean("entered_by_secretariat"),
					status(rs, "published_status"), rs.getObject("published_at", OffsetDateTime.class),
					rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
					rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("created_by"),
					rs.getString("updated_by"), rs.getString("reviewed_by"),
					rs.getObject("reviewed_at", OffsetDateTime.class), rs.getLong("version"),
					links(rs.getString("evidence"))))
			.optional();
	}

	/** Every change of the entry, newest first, each with what it changed. One query. */
	List<HistoryItem> history(long entryId) {
		List<Revision> revisions = this.jdbc.sql("""
				select revision, action, actor, occurred_at, status, workflow_state, narrative, review_comment,
				       entered_by_secretariat, published_status, evidence
				from progress_entry_revision where entry_id = :entry order by revision
				""")
			.param("entry", entryId)
			.query((rs, n) -> new Revision(rs.getInt("revision"), RevisionAction.valueOf(rs.getString("action")),
					rs.getString("actor"), rs.getObject("occurred_at", OffsetDateTime.class),
					Status.valueOf(rs.getString("status")), WorkflowState.valueOf(rs.getString("workflow_state")),
					rs.getString("narrative"), rs.getString("review_comment"), rs.getBoolean("entered_by_secretariat"),
					status(rs, "published_status"), links(rs.getString("evidence"))))
			.list();
		List<HistoryItem> items = new ArrayList<>();
		Revision previous = null;
		for (Revision revision : revisions) {
			items.add(new HistoryItem(revision, changes(previous, revision)));
			previous = revision;
		}
		java.util.Collections.reverse(items);
		return items;
	}

	static List<Change> changes(@Nullable Revision before, Revision after) {
		List<Change> changes = new ArrayList<>();
		String oldStatus = (before != null) ? before.status().name() : null;
		if (!after.status().name().equals(oldStatus)) {
			changes.add(simple("status", ChangeKind.STATUS, oldStatus, after.status().name()));
		}
		String oldState = (before != null) ? before.workflowState().name() : null;
		if (!after.workflowState().name().equals(oldState)) {
			changes.add(simple("workflowState", ChangeKind.WORKFLOW, oldState, after.workflowState().name()));
		}
		String oldPublished = (before != null && before.publishedStatus() != null) ? before.publishedStatus().name()
				: null;
		String newPublished = (after.publishedStatus() != null) ? after.publishedStatus().name() : null;
		if (!Objects.equals(oldPublished, newPublished)) {
			changes.add(simple("publishedStatus", ChangeKind.STATUS, oldPublished, newPublished));
		}
		String oldNarrative = (before != null) ? before.narrative() : "";
		if (!after.narrative().equals(oldNarrative)) {
			changes.add(new Change("narrative", ChangeKind.TEXT, (before != null) ? oldNarrative : null,
					after.narrative(), LineDiff.diff(oldNarrative, after.narrative()), List.of(), List.of()));
		}
		List<Link> oldLinks = (before != null) ? before.evidence() : List.of();
		if (!after.evidence().equals(oldLinks)) {
			List<Link> added = after.evidence().stream().filter((l) -> !oldLinks.contains(l)).toList();
			List<Link> removed = oldLinks.stream().filter((l) -> !after.evidence().contains(l)).toList();
			changes.add(new Change("evidence", ChangeKind.LINKS, null, null, List.of(), added, removed));
		}
		String oldComment = (before != null) ? before.reviewComment() : null;
		if (!Objects.equals(oldComment, after.reviewComment())) {
			changes.add(new Change("reviewComment", ChangeKind.TEXT, oldComment, after.reviewComment(),
					List.of(), List.of(), List.of()));
		}
		Boolean oldFlag = (before != null) ? before.enteredBySecretariat() : null;
		if (oldFlag == null ? after.enteredBySecretariat() : oldFlag != after.enteredBySecretariat()) {
			changes.add(simple("enteredBySecretariat", ChangeKind.FLAG, (oldFlag != null) ? oldFlag.toString() : null,
					Boolean.toString(after.enteredBySecretariat())));
		}
		return changes;
	}

	private static Change simple(String field, ChangeKind kind, @Nullable String before, @Nullable String after) {
		return new Change(field, kind, before, after, List.of(), List.of(), List.of());
	}

	private static @Nullable Status status(ResultSet rs, String column) throws SQLException {
		String value = rs.getString(column);
		return (value != null) ? Status.valueOf(value) : null;
	}

	private List<Link> links(@Nullable String evidence) {
		return (evidence != null) ? this.json.readValue(evidence, LINKS) : List.of();
	}

}
