package org.a4p.portal.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.catalogue.CatalogueQueries.AreaDetail;
import org.a4p.portal.catalogue.CatalogueQueries.AreaSummary;
import org.a4p.portal.catalogue.CatalogueQueries.CommitmentDetail;
import org.a4p.portal.catalogue.CatalogueQueries.CommitmentSummary;
import org.a4p.portal.catalogue.CatalogueQueries;
import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.endorsement.EndorsementQueries.Endorsement;
import org.a4p.portal.endorsement.EndorsementQueries;
import org.a4p.portal.progress.Basis;
import org.a4p.portal.progress.FiguresQuery.CycleFigures;
import org.a4p.portal.progress.FiguresQuery.Filter;
import org.a4p.portal.progress.FiguresQuery.GroupBy;
import org.a4p.portal.progress.FiguresQuery;
import org.a4p.portal.progress.Status;
import org.a4p.portal.progress.StatusDistribution;
import org.a4p.portal.stakeholder.Applicability.Period;
import org.a4p.portal.stakeholder.Applicability;
import org.a4p.portal.stakeholder.StakeholderNames;
import org.a4p.portal.stakeholder.StakeholderQueries.CapacityRecord;
import org.a4p.portal.stakeholder.StakeholderQueries;
import org.a4p.portal.stakeholder.StakeholderRef;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public area, commitment and stakeholder pages show, read in one transaction: texts from
 * the catalogue, published statuses in the current cycle, distributions from {@link FiguresQuery}.
 * Every list comes from one query (no query per row).
 */
@Service
@Transactional(readOnly = true)
class ProgressViews {

	/** A commitment with its distribution over the stakeholders it applies to. */
	record CommitmentFigures(CommitmentSummary commitment, StatusDistribution distribution) {
	}

	record AreaView(AreaDetail area, @Nullable CycleView cycle, List<CommitmentFigures> commitments,
			StatusDistribution total) {
	}

	/** A stakeholder's published status on one commitment (NO_EVIDENCE where nothing is published). */
	record StakeholderStatus(StakeholderRef stakeholder, Status status) {
	}

	/**
	 * @param timeline the validated statuses of every cycle where the commitment applies to someone, oldest first
	 */
	record CommitmentView(CommitmentDetail commitment, @Nullable CycleView cycle, StatusDistribution distribution,
			List<StakeholderStatus> stakeholders, List<CycleFigures> timeline) {
	}

	/** A commitment and its published status for one stakeholder. */
	record CommitmentStatus(CommitmentSummary commitment, Status status) {
	}

	/** Commitments of one area. */
	record AreaGroup<T>(AreaSummary area, List<T> items) {
	}

	/**
	 * @param bound whether commitments bind the stakeholder in the cycle (Secretariat, or an endorsement in force)
	 * @param applicable what applies in the cycle, with published statuses (empty when not bound)
	 * @param wouldApply what would apply if it endorsed (empty when bound)
	 * @param timeline the validated statuses of every cycle where commitments applied to it, oldest first
	 */
	record StakeholderView(StakeholderRef stakeholder, @Nullable CycleView cycle, List<Endorsement> endorsements,
			List<CapacityRecord> capacities, Set<Capacity> capacitiesInCycle, boolean bound,
			List<AreaGroup<CommitmentStatus>> applicable, StatusDistribution distribution,
			List<AreaGroup<CommitmentSummary>> wouldApply, List<CycleFigures> timeline) {

		public int applicableCount() {
			return this.applicable.stream().mapToInt((g) -> g.items().size()).sum();
		}

		public int wouldApplyCount() {
			return this.wouldApply.stream().mapToInt((g) -> g.items().size()).sum();
		}

	}

	/**
	 * SQL, after the select list: the published status ({@code status}; NO_EVIDENCE where nothing is) of every
	 * applicable pair (commitment {@code c}, stakeholder {@code s}) in cycle {@code :cycle}; a condition follows.
	 */
	/** What the public sees of each applicable pair of a cycle (live, or as published for a closed cycle). */
	private static final String PUBLISHED_STATUSES = """
			pp.status
			from public_pair pp
			join commitment c on c.id = pp.commitment_id
			join stakeholder s on s.id = pp.stakeholder_id
			where pp.cycle_id = :cycle
			""";

	private final JdbcClient jdbc;

	private final CatalogueQueries catalogue;

	private final CycleQueries cycles;

	private final FiguresQuery figures;

	private final StakeholderQueries stakeholders;

	private final EndorsementQueries endorsements;

	private final Clock clock;

	ProgressViews(JdbcClient jdbc, CatalogueQueries catalogue, CycleQueries cycles, FiguresQuery figures,
			StakeholderQueries stakeholders, EndorsementQueries endorsements, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.cycles = cycles;
		this.figures = figures;
		this.stakeholders = stakeholders;
		this.endorsements = endorsements;
	}

	Optional<AreaView> area(String code, Locale locale) {
		return this.catalogue.area(code, locale).map((area) -> {
			CycleView cycle = this.cycles.current().orElse(null);
			Map<String, StatusDistribution> byCommitment = (cycle != null)
					? this.figures.distributions(cycle.id(), GroupBy.COMMITMENT, Basis.PUBLISHED, Filter.area(code))
					: Map.of();
			List<CommitmentFigures> commitments = this.catalogue.commitmentsInArea(code, locale)
				.stream()
				.map((c) -> new CommitmentFigures(c, byCommitment.getOrDefault(c.code(), StatusDistribution.EMPTY)))
				.toList();
			return new AreaView(area, cycle, commitments, StatusDistribution.sum(byCommitment.values()));
		});
	}

	Optional<CommitmentView> commitment(String code, Locale locale) {
		return this.catalogue.commitment(code, locale).map((commitment) -> {
			CycleView cycle = this.cycles.current().orElse(null);
			if (cycle == null) {
				return new CommitmentView(commitment, null, StatusDistribution.EMPTY, List.of(), List.of());
			}
			List<CycleFigures> timeline = this.figures.acrossCycles(Basis.PUBLISHED, Filter.commitment(code));
			return new CommitmentView(commitment, cycle, inCycle(timeline, cycle),
					statusesOfCommitment(cycle.id(), code, locale), timeline);
		});
	}

	/** The stakeholders a commitment applies to in the cycle, each with its published status: one query. */
	private List<StakeholderStatus> statusesOfCommitment(long cycleId, String commitmentCode, Locale locale) {
		List<StakeholderStatus> rows = new ArrayList<>(this.jdbc
			.sql("select " + StakeholderRef.COLUMNS + ", " + PUBLISHED_STATUSES + "and c.code = :code")
			.param("lang", StakeholderNames.lang(locale))
			.param("cycle", cycleId)
			.param("code", commitmentCode)
			.query((rs, row) -> new StakeholderStatus(StakeholderRef.of(rs, locale),
					Status.valueOf(rs.getString("status"))))
			.list());
		rows.sort(Comparator.comparing(StakeholderStatus::stakeholder, StakeholderNames.order(locale)));
		return rows;
	}

	/** The page of a stakeholder known to exist (see {@link StakeholderQueries#find}). */
	StakeholderView stakeholder(StakeholderRef stakeholder, Locale locale) {
		String code = stakeholder.code();
		CycleView cycle = this.cycles.current().orElse(null);
		Period period = Period.of(cycle, LocalDate.now(this.clock));
		Applicability.Stakeholder facts = this.stakeholders.applicabilityFacts(code)
			.orElseThrow(() -> new IllegalStateException("No stakeholder " + code));
		boolean bound = Applicability.bound(facts, period);
		List<CommitmentSummary> all = this.catalogue.commitments(locale);
		List<CycleFigures> timeline = (cycle != null)
				? this.figures.acrossCycles(Basis.PUBLISHED, Filter.stakeholder(code)) : List.of();
		List<AreaGroup<CommitmentStatus>> applicable = List.of();
		StatusDistribution distribution = StatusDistribution.EMPTY;
		List<AreaGroup<CommitmentSummary>> wouldApply = List.of();
		if (bound && cycle != null) {
			Map<String, Status> statuses = statusesOfStakeholder(cycle.id(), code);
			applicable = byArea(all.stream()
				.filter((c) -> statuses.containsKey(c.code()))
				.map((c) -> new CommitmentStatus(c, statuses.get(c.code())))
				.toList(), (s) -> s.commitment().areaCode(), locale);
			distribution = inCycle(timeline, cycle);
		}
		else if (!bound) {
			wouldApply = byArea(all.stream()
				.filter((c) -> Applicability.wouldApply(c.owner(), c.capacity(), facts, period))
				.toList(), CommitmentSummary::areaCode, locale);
		}
		return new StakeholderView(stakeholder, cycle, this.endorsements.ofStakeholder(code),
				this.stakeholders.capacities(code, period), Applicability.capacitiesDuring(facts, period), bound,
				applicable, distribution, wouldApply, timeline);
	}

	/** Published status of each commitment applying to the stakeholder in the cycle: one query. */
	private Map<String, Status> statusesOfStakeholder(long cycleId, String stakeholderCode) {
		Map<String, Status> statuses = new HashMap<>();
		this.jdbc.sql("select c.code, " + PUBLISHED_STATUSES + "and s.code = :code")
			.param("cycle", cycleId)
			.param("code", stakeholderCode)
			.query((rs) -> {
				statuses.put(rs.getString("code"), Status.valueOf(rs.getString("status")));
			});
		return statuses;
	}

	/**
	 * The distribution of one cycle out of a timeline (the same aggregate as
	 * {@link FiguresQuery#total}, so a page showing both runs one query, not two).
	 */
	private static StatusDistribution inCycle(List<CycleFigures> timeline, CycleView cycle) {
		return timeline.stream()
			.filter((row) -> row.cycleCode().equals(cycle.code()))
			.map(CycleFigures::distribution)
			.findFirst()
			.orElse(StatusDistribution.EMPTY);
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
