package org.a4p.portal.work;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.progress.Status;
import org.a4p.portal.reporting.WorkflowState;
import org.a4p.portal.stakeholder.StakeholderNames;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A stakeholder's reporting in a cycle: every commitment that applies, with its entry if there is one
 * (draft, submitted, validated or returned with the review comment) and whether it is overdue.
 * Two queries, whatever the number of entries. Shown with the fragment
 * {@code progress/my-entries :: list(${entries})}; only call it for a user allowed to see the
 * stakeholder's unpublished entries (the Secretariat, or the state's own delegate).
 */
@Service
@Transactional(readOnly = true)
public class EntryListQuery {

	/**
	 * One applicable commitment and its entry; entry fields are {@code null} where nothing was saved.
	 *
	 * @param overdue the cycle's deadline has passed and nothing was submitted or validated
	 */
	public record EntryRow(String commitmentCode, String areaCode, String commitmentTitle, @Nullable Status status,
			@Nullable WorkflowState workflowState, @Nullable Status publishedStatus, @Nullable String reviewComment,
			boolean enteredBySecretariat, @Nullable OffsetDateTime updatedAt, @Nullable String updatedBy,
			boolean overdue) {

		public boolean started() {
			return this.workflowState != null;
		}

		public boolean returned() {
			return this.workflowState == WorkflowState.RETURNED;
		}

	}

	/**
	 * A stakeholder's entries in one cycle.
	 *
	 * @param pastDeadline the deadline has passed (entries not yet submitted are overdue while the cycle is open)
	 */
	public record StakeholderEntries(String cycleCode, LocalDate deadline, boolean cycleOpen, boolean pastDeadline,
			String stakeholderCode, String stakeholderName, List<EntryRow> rows) {

		public long count(WorkflowState state) {
			return this.rows.stream().filter((row) -> row.workflowState() == state).count();
		}

		public long notStarted() {
			return this.rows.stream().filter((row) -> !row.started()).count();
		}

		public long overdue() {
			return this.rows.stream().filter(EntryRow::overdue).count();
		}

		/** The entry page of a row's commitment. */
		public String href(EntryRow row) {
			return "/entries/" + this.cycleCode + "/" + this.stakeholderCode + "/" + row.commitmentCode();
		}

	}

	/**
	 * SQL: the commitments that apply to stakeholder {@code :stakeholder} in cycle {@code :cycle} ({@code c},
	 * in area {@code a}), each with its English title {@code en}, its title in the reader's language
	 * {@code t} (bind {@code :lang}) and its entry {@code pe} if there is one. Further joins may follow;
	 * end with {@link #APPLICABLE_WHERE}.
	 */
	static final String APPLICABLE_ENTRIES = """
			from applicable_pair ap
			join commitment c on c.id = ap.commitment_id
			join area a on a.id = c.area_id
			join catalogue_version v on v.is_current
			join commitment_text en on en.commitment_id = c.id and en.catalogue_version_id = v.id and en.lang = 'en'
			left join commitment_text t on t.commitment_id = c.id and t.catalogue_version_id = v.id and t.lang = :lang
			left join progress_entry pe on pe.cycle_id = ap.cycle_id and pe.commitment_id = ap.commitment_id
			     and pe.stakeholder_id = ap.stakeholder_id
			""";

	/** The end of a query from {@link #APPLICABLE_ENTRIES}: that stakeholder in that cycle, in catalogue order. */
	static final String APPLICABLE_WHERE = """
			where ap.cycle_id = :cycle and ap.stakeholder_id = :stakeholder
			order by a.position, c.position
			""";

	private final JdbcClient jdbc;

	private final CycleQueries cycles;

	private final Clock clock;

	EntryListQuery(JdbcClient jdbc, CycleQueries cycles, Clock clock) {
		this.jdbc = jdbc;
		this.cycles = cycles;
		this.clock = clock;
	}

	/** The stakeholder's entries in the current cycle (the open one by default); empty without a cycle. */
	public Optional<StakeholderEntries> inCurrentCycle(long stakeholderId, Locale locale) {
		return this.cycles.current().flatMap((cycle) -> forStakeholder(stakeholderId, cycle, locale));
	}

	/** The stakeholder's entries in the cycle; empty when the stakeholder does not exist. */
	public Optional<StakeholderEntries> forStakeholder(long stakeholderId, CycleView cycle, Locale locale) {
		boolean pastDeadline = cycle.pastDeadline(LocalDate.now(this.clock));
		boolean overdueApplies = cycle.open() && pastDeadline;
		return this.jdbc.sql("select s.code, " + StakeholderNames.COLUMNS + " from stakeholder s where s.id = :id")
			.param("id", stakeholderId)
			.param("lang", StakeholderNames.lang(locale))
			.query((rs, n) -> new String[] { rs.getString("code"), StakeholderNames.name(rs, locale) })
			.optional()
			.map((stakeholder) -> new StakeholderEntries(cycle.code(), cycle.deadline(), cycle.open(), pastDeadline,
					stakeholder[0], stakeholder[1], rows(stakeholderId, cycle.id(), overdueApplies, locale)));
	}

	private List<EntryRow> rows(long stakeholderId, long cycleId, boolean overdueApplies, Locale locale) {
		return this.jdbc.sql("""
				select c.code, a.code as area_code, coalesce(t.title, en.title) as title, pe.status, pe.workflow_state,
				       pe.published_status, pe.review_comment, coalesce(pe.entered_by_secretariat, false) as by_secretariat,
				       pe.updated_at, pe.updated_by,
				       (pe.published_status is not null or pe.workflow_state in ('SUBMITTED', 'VALIDATED')) as reported
				""" + APPLICABLE_ENTRIES + APPLICABLE_WHERE)
			.param("lang", locale.getLanguage())
			.param("cycle", cycleId)
			.param("stakeholder", stakeholderId)
			.query((rs, n) -> {
				String status = rs.getString("status");
				String state = rs.getString("workflow_state");
				String published = rs.getString("published_status");
				return new EntryRow(rs.getString("code"), rs.getString("area_code"), rs.getString("title"),
						(status != null) ? Status.valueOf(status) : null,
						(state != null) ? WorkflowState.valueOf(state) : null,
						(published != null) ? Status.valueOf(published) : null, rs.getString("review_comment"),
						rs.getBoolean("by_secretariat"), rs.getObject("updated_at", OffsetDateTime.class),
						rs.getString("updated_by"), overdueApplies && !rs.getBoolean("reported"));
			})
			.list();
	}

	/** A stakeholder the Secretariat can choose: one the commitments apply to in the cycle. */
	record StakeholderOption(String code, String name) {
	}

	Optional<Long> stakeholderId(String code) {
		return this.jdbc.sql("select id from stakeholder where code = :code").param("code", code).query(Long.class).optional();
	}

	/** Stakeholders with applicable commitments in the cycle: the Secretariat, then the others by code. */
	List<StakeholderOption> stakeholdersBound(long cycleId, Locale locale) {
		return this.jdbc.sql("select s.code, " + StakeholderNames.COLUMNS + """
				 from stakeholder s
				where exists (select 1 from applicable_pair ap where ap.stakeholder_id = s.id and ap.cycle_id = :cycle)
				order by s.kind <> 'SECRETARIAT', s.code
				""")
			.param("lang", StakeholderNames.lang(locale))
			.param("cycle", cycleId)
			.query((rs, n) -> new StakeholderOption(rs.getString("code"), StakeholderNames.name(rs, locale)))
			.list();
	}

}
