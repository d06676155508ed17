package org.a4p.portal.work;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.progress.Status;
import org.a4p.portal.reporting.WorkflowState;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.stakeholder.StakeholderNames;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A stakeholder's reporting in a cycle: every commitment that applies, once, with its entry if there is one
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

	/** Which rows a list shows: those of one count (its {@code ?show=} value, e.g. {@code returned}), or all. */
	public enum Show {

		RETURNED, OVERDUE, NOT_STARTED, DRAFT, SUBMITTED, VALIDATED;

		/** The value in the address, e.g. {@code not-started}. */
		public String param() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		boolean matches(EntryRow row) {
			return switch (this) {
				case RETURNED -> row.workflowState() == WorkflowState.RETURNED;
				case OVERDUE -> row.overdue();
				case NOT_STARTED -> !row.started();
				case DRAFT -> row.workflowState() == WorkflowState.DRAFT;
				case SUBMITTED -> row.workflowState() == WorkflowState.SUBMITTED;
				case VALIDATED -> row.workflowState() == WorkflowState.VALIDATED;
			};
		}

		/** The list named by a {@code ?show=} value; {@code null} or blank: every row; anything else: 404. */
		public static @Nullable Show of(@Nullable String param) {
			if (param == null || param.isBlank()) {
				return null;
			}
			for (Show show : values()) {
				if (show.param().equals(param.strip())) {
					return show;
				}
			}
			throw new NotFoundException("list " + param);
		}

	}

	/**
	 * A stakeholder's entries in one cycle: every applicable commitment once, returned and overdue ones first,
	 * then in catalogue order.
	 *
	 * @param pastDeadline the deadline has passed (entries not yet submitted are overdue while the cycle is open)
	 * @param show the rows the page lists ({@code null}: all); the counts are of all rows
	 */
	public record StakeholderEntries(String cycleCode, LocalDate deadline, boolean cycleOpen, boolean pastDeadline,
			String stakeholderCode, String stakeholderName, List<EntryRow> rows, @Nullable Show show) {

		/** The same entries, listing only those of {@code show} ({@code null}: all). */
		public StakeholderEntries showing(@Nullable Show show) {
			return new StakeholderEntries(this.cycleCode, this.deadline, this.cycleOpen, this.pastDeadline,
					this.stakeholderCode, this.stakeholderName, this.rows, show);
		}

		/** The rows the page lists. */
		public List<EntryRow> shown() {
			return (this.show == null) ? this.rows : this.rows.stream().filter(this.show::matches).toList();
		}

		/** How many rows a list of {@code show} has. */
		public long count(Show show) {
			return this.rows.stream().filter(show::matches).count();
		}

		/** The link to the list of {@code show} ({@code null}: all) on the page at {@code base} (a path, perhaps with a query). */
		public String showHref(String base, @Nullable Show show) {
			String query = (show == null) ? "" : ((base.contains("?") ? "&" : "?") + "show=" + show.param());
			return base + query + "#entries-list";
		}

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
					stakeholder[0], stakeholder[1], rows(stakeholderId, cycle.id(), overdueApplies, locale), null));
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
			.list()
			.stream()
			.sorted(FIRST_TO_DO)
			.toList();
	}

	/** What needs the writer first: returned entries, then overdue ones, then the rest; catalogue order within. */
	private static final Comparator<EntryRow> FIRST_TO_DO = Comparator
		.comparingInt((EntryRow row) -> row.returned() ? 0 : (row.overdue() ? 1 : 2));

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
