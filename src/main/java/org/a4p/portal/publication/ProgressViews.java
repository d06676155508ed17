package org.a4p.portal.publication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.catalogue.CatalogueQueries.AreaDetail;
import org.a4p.portal.catalogue.CatalogueQueries.AreaSummary;
import org.a4p.portal.catalogue.CatalogueQueries.CommitmentDetail;
import org.a4p.portal.catalogue.CatalogueQueries.CommitmentSummary;
import org.a4p.portal.catalogue.CatalogueQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.endorsement.EndorsementQueries.Endorsement;
import org.a4p.portal.endorsement.EndorsementQueries;
import org.a4p.portal.progress.Change;
import org.a4p.portal.progress.FiguresQuery.CycleFigures;
import org.a4p.portal.progress.FiguresQuery.Filter;
import org.a4p.portal.progress.FiguresQuery.GroupBy;
import org.a4p.portal.progress.FiguresQuery.SelfReportedStatuses;
import org.a4p.portal.progress.FiguresQuery;
import org.a4p.portal.progress.Pairs;
import org.a4p.portal.progress.Status;
import org.a4p.portal.progress.StatusDistribution;
import org.a4p.portal.stakeholder.Applicability.Period;
import org.a4p.portal.stakeholder.Applicability;
import org.a4p.portal.stakeholder.StakeholderKind;
import org.a4p.portal.stakeholder.StakeholderNames;
import org.a4p.portal.stakeholder.StakeholderQueries.CapacityRecord;
import org.a4p.portal.stakeholder.StakeholderQueries;
import org.a4p.portal.stakeholder.StakeholderRef;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public area, commitment and stakeholder pages show, read in one transaction: texts from
 * the catalogue, published statuses in the cycle and publication chosen ({@link Edition}), distributions
 * from {@link FiguresQuery}.
 * Every list comes from one query (no query per row). Part of the module's API: the JSON API and the printable
 * reports read these same views, so that their figures cannot differ from the pages'.
 */
@Service
@Transactional(readOnly = true)
public class ProgressViews {

	/** A commitment with its distribution over the stakeholders it applies to. */
	public record CommitmentFigures(CommitmentSummary commitment, StatusDistribution distribution) {
	}

	/**
	 * @param changes the change of each commitment's share SUBSTANTIAL or COMPLETE since the previous cycle, and of
	 * the area's under {@link FiguresQuery#TOTAL} (empty when there is no previous cycle)
	 */
	public record AreaView(AreaDetail area, @Nullable CycleView cycle, List<CommitmentFigures> commitments,
			StatusDistribution total, Map<String, Change> changes) {

		public @Nullable Change change(String commitmentCode) {
			return this.changes.get(commitmentCode);
		}

		public @Nullable Change totalChange() {
			return this.changes.get(FiguresQuery.TOTAL);
		}

		/** The previous cycle's code, when there is one to compare with. */
		public @Nullable String previousCycle() {
			return this.changes.values().stream().map(Change::previousCycle).findFirst().orElse(null);
		}

	}

	/**
	 * A stakeholder's published status on one commitment (NO_EVIDENCE where nothing is published), and what was
	 * validated with it ({@code null} where nothing was).
	 */
	public record StakeholderStatus(StakeholderRef stakeholder, Status status, @Nullable ValidatedText text) {
	}

	/**
	 * @param timeline the validated statuses of every cycle where the commitment applies to someone, oldest first
	 */
	public record CommitmentView(CommitmentDetail commitment, @Nullable CycleView cycle, StatusDistribution distribution,
			List<StakeholderStatus> stakeholders, List<CycleFigures> timeline) {

		/** The stakeholders with a validated entry: what was done, as validated. */
		public List<StakeholderStatus> validated() {
			return this.stakeholders.stream().filter((s) -> s.text() != null).toList();
		}

	}

	/** A commitment and its published status for one stakeholder, and what was validated with it (or null). */
	public record CommitmentStatus(CommitmentSummary commitment, Status status, @Nullable ValidatedText text) {
	}

	/**
	 * Self-reported figures shown beside the validated ones to a reader allowed to see them ({@link ReaderView}),
	 * live from the entries: submitted, else validated, else NO_EVIDENCE (a draft never counts).
	 *
	 * @param total the scope's self-reported distribution
	 * @param byCommitment per commitment (the area page), else empty
	 * @param statuses the self-reported status per stakeholder (the commitment page) or per commitment (the
	 * stakeholder page), else empty
	 */
	public record SelfReported(StatusDistribution total, Map<String, StatusDistribution> byCommitment,
			Map<String, Status> statuses) {

		public StatusDistribution of(String commitmentCode) {
			return this.byCommitment.getOrDefault(commitmentCode, StatusDistribution.EMPTY);
		}

		public @Nullable Status status(String code) {
			return this.statuses.get(code);
		}

	}

	/** Commitments of one area. */
	public record AreaGroup<T>(AreaSummary area, List<T> items) {
	}

	/**
	 * @param bound whether commitments bind the stakeholder in the cycle (Secretariat, or an endorsement in force)
	 * @param applicable what applies in the cycle, with published statuses (empty when not bound)
	 * @param wouldApply what would apply if it endorsed (empty when bound)
	 * @param timeline the validated statuses of every cycle where commitments applied to it, oldest first
	 * @param change how its share SUBSTANTIAL or COMPLETE moved since the previous cycle ({@code null}: no previous
	 * cycle, or not bound)
	 */
	public record StakeholderView(StakeholderRef stakeholder, @Nullable CycleView cycle, List<Endorsement> endorsements,
			List<CapacityRecord> capacities, Set<Capacity> capacitiesInCycle, boolean bound,
			List<AreaGroup<CommitmentStatus>> applicable, StatusDistribution distribution,
			List<AreaGroup<CommitmentSummary>> wouldApply, List<CycleFigures> timeline, @Nullable Change change) {

		public int applicableCount() {
			return this.applicable.stream().mapToInt((g) -> g.items().size()).sum();
		}

		public int wouldApplyCount() {
			return this.wouldApply.stream().mapToInt((g) -> g.items().size()).sum();
		}

		/** The commitments with a validated entry, by area: what was done, as validated. */
		public List<AreaGroup<CommitmentStatus>> validated() {
			return this.applicable.stream()
				.map((g) -> new AreaGroup<>(g.area(), g.items().stream().filter((c) -> c.text() != null).toList()))
				.filter((g) -> !g.items().isEmpty())
				.toList();
		}

	}
	/** A validated entry as the public reads it: its pair, published status and what was validated. */
	public record PublishedEntry(String areaCode, String commitmentCode, StakeholderRef stakeholder, Status status,
			ValidatedText text) {
	}

	/**
	 * One page of the validated entries of a cycle.
	 *
	 * @param total how many entries the cycle shows in all
	 */
	public record EntryPage(List<PublishedEntry> entries, long total) {
	}

	private static final TypeReference<List<ValidatedText.Link>> LINKS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CatalogueQueries catalogue;

	private final Clock clock;

	private final FiguresQuery figures;

	private final StakeholderQueries stakeholders;

	private final EndorsementQueries endorsements;

	ProgressViews(JdbcClient jdbc, JsonMapper json, CatalogueQueries catalogue, Clock clock, FiguresQuery figures,
			StakeholderQueries stakeholders, EndorsementQueries endorsements) {
		this.jdbc = jdbc;
		this.json = json;
		this.catalogue = catalogue;
		this.clock = clock;
		this.figures = figures;
		this.stakeholders = stakeholders;
		this.endorsements = endorsements;
	}

	public Optional<AreaView> area(String code, Edition edition, Locale locale) {
		return this.catalogue.area(code, locale).map((area) -> {
			CycleView cycle = edition.cycle();
			Map<String, StatusDistribution> byCommitment = (cycle != null)
					? this.figures.distributions(cycle.id(), GroupBy.COMMITMENT, edition.pairs(), Filter.area(code))
					: Map.of();
			List<CommitmentFigures> commitments = this.catalogue.commitmentsInArea(code, locale)
				.stream()
				.map((c) -> new CommitmentFigures(c, byCommitment.getOrDefault(c.code(), StatusDistribution.EMPTY)))
				.toList();
			Map<String, Change> changes = (cycle != null)
					? this.figures.changes(cycle.id(), GroupBy.COMMITMENT, edition.pairs(), Filter.area(code)) : Map.of();
			return new AreaView(area, cycle, commitments, StatusDistribution.sum(byCommitment.values()), changes);
		});
	}

	public Optional<CommitmentView> commitment(String code, Edition edition, Locale locale) {
		return this.catalogue.commitment(code, locale).map((commitment) -> {
			CycleView cycle = edition.cycle();
			if (cycle == null) {
				return new CommitmentView(commitment, null, StatusDistribution.EMPTY, List.of(), List.of());
			}
			Filter filter = Filter.commitment(code);
			List<CycleFigures> timeline = this.figures.acrossCycles(edition.pairs(), filter);
			return new CommitmentView(commitment, cycle, inCycle(timeline, cycle, edition, filter),
					statusesOfCommitment(cycle.id(), code, edition, locale), timeline);
		});
	}

	/**
	 * The validated entries of the edition's cycle (the same rows as the commitment and stakeholder pages show
	 * under "what was done"), in catalogue order then by stakeholder code: one query for the page and its total
	 * (a second only for a page past the end).
	 */
	public EntryPage entries(Edition edition, int offset, int limit, Locale locale) {
		CycleView cycle = edition.cycle();
		if (cycle == null) {
			return new EntryPage(List.of(), 0);
		}
		long[] total = { -1 };
		List<PublishedEntry> rows = this.jdbc.sql(entriesSql(edition.pairs(), ", count(*) over () as total",
				"limit :limit offset :offset"))
			.param("lang", StakeholderNames.lang(locale))
			.param("cycle", cycle.id())
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> {
				total[0] = rs.getLong("total");
				return entry(rs, locale);
			})
			.list();
		if (total[0] < 0) {
			total[0] = (offset == 0) ? 0 : this.jdbc.sql(("select count(*) from %s pp where pp.cycle_id = :cycle "
					+ "and pp.validated_at is not null").formatted(edition.pairs().publicRelation()))
				.param("cycle", cycle.id())
				.query(Long.class)
				.single();
		}
		return new EntryPage(rows, total[0]);
	}

	/**
	 * Hands every validated entry of the cycle, as the public sees it now ({@code public_pair}: live while the
	 * cycle is open, its publication in force once it is closed), to {@code each}, one at a time as PostgreSQL
	 * returns them: the same rows, order and texts as {@link #entries}, for a file of any size. Inside the
	 * caller's transaction the rows are fetched {@code fetchSize} at a time (the driver streams only there).
	 */
	public void eachEntry(long cycleId, Locale locale, int fetchSize, Consumer<PublishedEntry> each) {
		this.jdbc.sql(entriesSql(Pairs.PUBLISHED, "", ""))
			.withFetchSize(fetchSize)
			.param("lang", StakeholderNames.lang(locale))
			.param("cycle", cycleId)
			.query((RowCallbackHandler) (rs) -> each.accept(entry(rs, locale)));
	}

	/** The validated entries of a cycle's public pairs, in catalogue order then by stakeholder code. */
	private static String entriesSql(Pairs pairs, String moreColumns, String tail) {
		return """
				select a.code as area_code, c.code as commitment_code, %s, pp.status, %s%s
				from %s pp
				join commitment c on c.id = pp.commitment_id
				join area a on a.id = c.area_id
				join stakeholder s on s.id = pp.stakeholder_id
				%s
				where pp.cycle_id = :cycle and pp.validated_at is not null
				order by a.position, c.position, s.code
				%s""".formatted(StakeholderRef.COLUMNS, TEXT_COLUMNS, moreColumns, pairs.publicRelation(), TEXT_JOINS,
				tail);
	}

	private PublishedEntry entry(ResultSet rs, Locale locale) throws SQLException {
		return new PublishedEntry(rs.getString("area_code"), rs.getString("commitment_code"),
				StakeholderRef.of(rs, locale), Status.valueOf(rs.getString("status")), Objects.requireNonNull(text(rs)));
	}

	/** An area's self-reported figures per commitment, as far as the reader may see them: one query. */
	@Nullable SelfReported areaSelfReported(String code, Edition edition, ReaderView view) {
		CycleView cycle = edition.cycle();
		if (!view.selfReported() || cycle == null) {
			return null;
		}
		Map<String, StatusDistribution> byCommitment = this.figures.distributions(cycle.id(), GroupBy.COMMITMENT,
				Pairs.SELF_REPORTED, view.narrow(Filter.area(code)));
		return new SelfReported(StatusDistribution.sum(byCommitment.values()), byCommitment, Map.of());
	}

	/** A commitment's self-reported status per stakeholder and distribution, as far as the reader may see them. */
	@Nullable SelfReported commitmentSelfReported(String code, Edition edition, ReaderView view) {
		CycleView cycle = edition.cycle();
		if (!view.selfReported() || cycle == null) {
			return null;
		}
		Filter filter = view.narrow(Filter.commitment(code));
		SelfReportedStatuses selfReported = this.figures.selfReported(cycle.id(), GroupBy.STAKEHOLDER, filter);
		return new SelfReported(selfReported.total(), Map.of(), selfReported.statuses());
	}

	/** A stakeholder's self-reported status per commitment and distribution (the reader may see them). */
	@Nullable SelfReported stakeholderSelfReported(String code, Edition edition, ReaderView view) {
		CycleView cycle = edition.cycle();
		if (!view.showsSelfReportedOf(code) || cycle == null) {
			return null;
		}
		Filter filter = Filter.stakeholder(code);
		SelfReportedStatuses selfReported = this.figures.selfReported(cycle.id(), GroupBy.COMMITMENT, filter);
		return new SelfReported(selfReported.total(), Map.of(), selfReported.statuses());
	}

	/** The stakeholders a commitment applies to in the cycle, each with its published status: one query. */
	private List<StakeholderStatus> statusesOfCommitment(long cycleId, String commitmentCode, Edition edition,
			Locale locale) {
		List<StakeholderStatus> rows = new ArrayList<>(this.jdbc.sql("""
				select %s, pp.status, %s
				from %s pp
				join commitment c on c.id = pp.commitment_id
				join stakeholder s on s.id = pp.stakeholder_id
				%s
				where pp.cycle_id = :cycle and c.code = :code""".formatted(StakeholderRef.COLUMNS, TEXT_COLUMNS, edition.pairs().publicRelation(),
					TEXT_JOINS))
			.param("lang", StakeholderNames.lang(locale))
			.param("cycle", cycleId)
			.param("code", commitmentCode)
			.query((rs, row) -> new StakeholderStatus(
					StakeholderRef.of(rs, locale),
					Status.valueOf(rs.getString("status")), text(rs)))
			.list());
		rows.sort(Comparator.comparing(StakeholderStatus::stakeholder, StakeholderNames.order(locale)));
		return rows;
	}

	/**
	 * The page of a stakeholder known to exist (see {@link StakeholderQueries#find}). Whether commitments bound
	 * it in the cycle, and which capacities it held then, come from its endorsements and capacities for a cycle
	 * shown live, and from what was published for a cycle shown as published (it had applicable pairs).
	 */
	public StakeholderView stakeholder(StakeholderRef stakeholder, Edition edition, Locale locale) {
		String code = stakeholder.code();
		CycleView cycle = edition.cycle();
		Period period = Period.of(cycle, LocalDate.now(this.clock));
		List<Endorsement> endorsements = this.endorsements.ofStakeholder(code);
		List<CapacityRecord> capacities = this.stakeholders.capacities(code, period);
		// what the rule needs, from the records the page shows anyway (no query of its own)
		Applicability.Stakeholder facts = new Applicability.Stakeholder(stakeholder.kind(),
				endorsements.stream().map((e) -> new Applicability.Endorsement(e.endorsedOn(), e.withdrawnOn())).toList(),
				capacities.stream()
					.map((c) -> new Applicability.HeldCapacity(c.capacity(), c.startsOn(), c.endsOn()))
					.toList());
		List<CommitmentSummary> all = this.catalogue.commitments(locale);
		Map<String, CommitmentStatus> statuses = (cycle != null)
				? statusesOfStakeholder(cycle.id(), code, edition, all) : Map.of();
		boolean bound = edition.published()
				? (stakeholder.kind() == StakeholderKind.SECRETARIAT || !statuses.isEmpty())
				: Applicability.bound(facts, period);
		Set<Capacity> capacitiesInCycle = edition.published() ? capacitiesOf(all, statuses.keySet())
				: Applicability.capacitiesDuring(facts, period);
		Filter filter = Filter.stakeholder(code);
		List<CycleFigures> timeline = (cycle != null) ? this.figures.acrossCycles(edition.pairs(), filter) : List.of();
		List<AreaGroup<CommitmentStatus>> applicable = List.of();
		StatusDistribution distribution = StatusDistribution.EMPTY;
		List<AreaGroup<CommitmentSummary>> wouldApply = List.of();
		Change change = null;
		if (bound && cycle != null) {
			applicable = byArea(all.stream()
				.filter((c) -> statuses.containsKey(c.code()))
				.map((c) -> statuses.get(c.code()))
				.toList(), (s) -> s.commitment().areaCode(), locale);
			distribution = inCycle(timeline, cycle, edition, filter);
			change = this.figures.changes(cycle.id(), GroupBy.ALL, edition.pairs(), filter).get(FiguresQuery.TOTAL);
		}
		else if (!bound) {
			wouldApply = byArea(all.stream()
				.filter((c) -> Applicability.wouldApply(c.owner(), c.capacity(), facts, period))
				.toList(), CommitmentSummary::areaCode, locale);
		}
		return new StakeholderView(stakeholder, cycle, endorsements, capacities, capacitiesInCycle, bound, applicable,
				distribution, wouldApply, timeline, change);
	}

	/** The capacities whose commitments are among these: those a bound state held during the cycle. */
	private static Set<Capacity> capacitiesOf(List<CommitmentSummary> all, Set<String> codes) {
		Set<Capacity> held = EnumSet.noneOf(Capacity.class);
		for (CommitmentSummary c : all) {
			if (codes.contains(c.code()) && c.capacity() != null && c.capacity().isAssignable()) {
				held.add(c.capacity());
			}
		}
		return held;
	}

	/**
	 * Published status of each commitment applying to the stakeholder in the cycle, with what was validated:
	 * one query.
	 */
	private Map<String, CommitmentStatus> statusesOfStakeholder(long cycleId, String stakeholderCode, Edition edition,
			List<CommitmentSummary> all) {
		Map<String, CommitmentSummary> commitments = new HashMap<>();
		all.forEach((c) -> commitments.put(c.code(), c));
		Map<String, CommitmentStatus> statuses = new HashMap<>();
		this.jdbc.sql("""
				select c.code, pp.status, %s
				from %s pp
				join commitment c on c.id = pp.commitment_id
				join stakeholder s on s.id = pp.stakeholder_id
				%s
				where pp.cycle_id = :cycle and s.code = :code""".formatted(TEXT_COLUMNS, edition.pairs().publicRelation(),
					TEXT_JOINS))
			.param("cycle", cycleId)
			.param("code", stakeholderCode)
			.query((rs) -> {
				CommitmentSummary commitment = commitments.get(rs.getString("code"));
				if (commitment != null) {
					statuses.put(commitment.code(),
							new CommitmentStatus(commitment, Status.valueOf(rs.getString("status")), text(rs)));
				}
			});
		return statuses;
	}

	/**
	 * What the public reads of a validated pair besides its status, for the public pairs {@code pp} (columns of
	 * {@code public_pair}): the narrative and evidence links of its entry's latest VALIDATED revision where the
	 * cycle is shown live ({@code pp.entry_id}), as published where it is shown from a publication
	 * ({@code pp.publication_id}); nothing where nothing was validated. Looked up pair by pair through the
	 * primary keys, so a page reads only its own pairs' texts.
	 */
	private static final String TEXT_JOINS = """
			left join lateral (
			    select r.narrative, r.evidence from progress_entry_revision r
			    where r.entry_id = pp.entry_id and r.action = 'VALIDATED'
			    order by r.revision desc limit 1) v on pp.entry_id is not null and pp.validated_at is not null
			left join published_pair x on x.publication_id = pp.publication_id and x.commitment_id = pp.commitment_id
			     and x.stakeholder_id = pp.stakeholder_id""";

	/** {@code validated_at, narrative, evidence} of a row joined with {@link #TEXT_JOINS}. */
	private static final String TEXT_COLUMNS = "pp.validated_at, coalesce(v.narrative, x.narrative) as narrative, "
			+ "coalesce(v.evidence, x.evidence)::text as evidence";

	/** The validated text of a row with {@code validated_at, narrative, evidence} (null where nothing was validated). */
	private @Nullable ValidatedText text(ResultSet rs) throws SQLException {
		String evidence = rs.getString("evidence");
		return ValidatedText.of(rs.getObject("validated_at", OffsetDateTime.class), rs.getString("narrative"),
				(evidence != null) ? this.json.readValue(evidence, LINKS) : List.of());
	}

	/**
	 * The distribution of one cycle out of a timeline (the same aggregate as {@link FiguresQuery#total}, so a
	 * page showing both runs one query, not two); counted apart only for a cycle older than the timeline shows.
	 */
	private StatusDistribution inCycle(List<CycleFigures> timeline, CycleView cycle, Edition edition, Filter filter) {
		return timeline.stream()
			.filter((row) -> row.cycleCode().equals(cycle.code()))
			.map(CycleFigures::distribution)
			.findFirst()
			.orElseGet(() -> (timeline.size() < FiguresQuery.TIMELINE_CYCLES) ? StatusDistribution.EMPTY
					: this.figures.total(cycle.id(), edition.pairs(), filter));
	}

	/** Groups items (already in catalogue order) under their areas, in area order; empty areas left out. */
	private <T> List<AreaGroup<T>> byArea(List<T> items, java.util.function.Function<T, String> areaCode,
			Locale locale) {
		Map<String, List<T>> grouped = new LinkedHashMap<>();
		for (T item : items) {
			grouped.computeIfAbsent(areaCode.apply(item), (k) -> new ArrayList<>()).add(item);
		}
		return this.catalogue.areas(locale)
			.stream()
			.filter((a) -> grouped.containsKey(a.code()))
			.map((a) -> new AreaGroup<>(a, List.copyOf(grouped.get(a.code()))))
			.toList();
	}

}
