package org.a4p.portal.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status distributions computed in SQL over the applicable pairs of a cycle, as the public sees them
 * ({@code public_pair}: live for an open cycle, as published for a closed one) or self-reported: one
 * aggregate query per call, whatever the number of entries stored.
 */
@Service
@Transactional(readOnly = true)
public class FiguresQuery {

	/** What the figures are grouped by. */
	public enum GroupBy {

		ALL("'ALL'"), AREA("a.code"), COMMITMENT("c.code"), STAKEHOLDER("s.code");

		private final String expression;

		GroupBy(String expression) {
			this.expression = expression;
		}

	}

	/**
	 * Which pairs to count; {@code null} fields do not filter.
	 *
	 * @param stakeholderKind SECRETARIAT, MEMBER_STATE or ORGANIZATION
	 */
	public record Filter(@Nullable String areaCode, @Nullable String commitmentCode, @Nullable String stakeholderCode,
			@Nullable String stakeholderKind) {

		public static final Filter NONE = new Filter(null, null, null, null);

		public static Filter area(String code) {
			return new Filter(code, null, null, null);
		}

		public static Filter commitment(String code) {
			return new Filter(null, code, null, null);
		}

		public static Filter stakeholder(String code) {
			return new Filter(null, null, code, null);
		}

	}

	private final JdbcClient jdbc;

	FiguresQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The distribution of the whole scope the filter selects. */
	public StatusDistribution total(long cycleId, Basis basis, Filter filter) {
		return total(cycleId, Pairs.of(basis), filter);
	}

	/** The distribution of the whole scope the filter selects. */
	public StatusDistribution total(long cycleId, Pairs pairs, Filter filter) {
		return distributions(cycleId, GroupBy.ALL, pairs, filter).getOrDefault("ALL", StatusDistribution.EMPTY);
	}

	/** One distribution per group (area code, commitment code or stakeholder code), in SQL order of the key. */
	public Map<String, StatusDistribution> distributions(long cycleId, GroupBy groupBy, Basis basis, Filter filter) {
		return distributions(cycleId, groupBy, Pairs.of(basis), filter);
	}

	/** One distribution per group (area code, commitment code or stakeholder code), in SQL order of the key. */
	public Map<String, StatusDistribution> distributions(long cycleId, GroupBy groupBy, Pairs pairs, Filter filter) {
		Basis basis = pairs.basis();
		List<Object> params = new ArrayList<>();
		params.add(cycleId);
		StringBuilder sql = new StringBuilder().append("select ")
			.append(groupBy.expression)
			.append(" as scope, ")
			.append(basis.counts)
			.append(pairs.from())
			.append(JOINS)
			.append("where ")
			.append(basis.cycleColumn)
			.append(" = ?");
		appendFilter(sql, params, filter);
		sql.append(" group by 1, 2 order by 1");
		Map<String, StatusDistribution.Builder> builders = new LinkedHashMap<>();
		this.jdbc.sql(sql.toString()).params(params).query((rs) -> {
			builders.computeIfAbsent(rs.getString("scope"), (k) -> StatusDistribution.builder())
				.add(Status.valueOf(rs.getString("status")), rs.getLong("pairs"), rs.getLong("reported"));
		});
		Map<String, StatusDistribution> result = new LinkedHashMap<>();
		builders.forEach((scope, builder) -> result.put(scope, builder.build()));
		return result;
	}

	/** A scope's distribution in one reporting cycle, for a timeline across cycles. */
	public record CycleFigures(String cycleCode, LocalDate periodStart, LocalDate periodEnd, boolean open,
			StatusDistribution distribution) {

		/** The one status when the scope is a single pair (an entry's page), else {@code null}. */
		public @Nullable Status singleStatus() {
			if (this.distribution.applicable() != 1) {
				return null;
			}
			return this.distribution.counts()
				.entrySet()
				.stream()
				.filter((e) -> e.getValue() == 1)
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(null);
		}

	}

	/** How many of the most recent cycles a timeline shows: its cost and size do not grow with history. */
	public static final int TIMELINE_CYCLES = 10;

	/**
	 * The filter's scope in each of the {@value #TIMELINE_CYCLES} most recent cycles where it has
	 * applicable pairs, oldest cycle first: two queries (the cycles, then their figures), whatever the number of
	 * cycles and entries stored.
	 * With a commitment and a stakeholder in the filter, the scope is one pair and each cycle's
	 * distribution holds its one status.
	 */
	public List<CycleFigures> acrossCycles(Basis basis, Filter filter) {
		return acrossCycles(Pairs.of(basis), filter);
	}

	/**
	 * As {@link #acrossCycles(Basis, Filter)}, reading the pairs given (a publication's cycle as that
	 * publication recorded it).
	 */
	public List<CycleFigures> acrossCycles(Pairs pairs, Filter filter) {
		Basis basis = pairs.basis();
		// The cycles first, then one branch per cycle with its id as a value: PostgreSQL carries a cycle given as a
		// value into the public_pair view (an index lookup in each of the view's branches), but not cycles given
		// by a sub-select or a list, for which it reads the whole view: 1-2 s at 1,000,000 entries against a few
		// milliseconds (docs/performance.md, 2026-11-30).
		List<Long> recent = this.jdbc
			.sql("select id from reporting_cycle order by period_start desc, id desc limit " + TIMELINE_CYCLES)
			.query(Long.class)
			.list();
		if (recent.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder();
		for (Long cycle : recent) {
			if (!sql.isEmpty()) {
				sql.append(" union all ");
			}
			sql.append("(select rc.code as scope, rc.period_start, rc.period_end, rc.state = 'OPEN' as open, ")
				.append(basis.counts)
				.append(pairs.from())
				.append(JOINS)
				.append("join reporting_cycle rc on rc.id = ")
				.append(basis.cycleColumn)
				.append(" where ")
				.append(basis.cycleColumn)
				.append(" = ?");
			params.add(cycle);
			appendFilter(sql, params, filter);
			sql.append(" group by 1, 2, 3, 4, 5)");
		}
		sql.append(" order by 2, 1");
		Map<String, CycleFigures> cycles = new LinkedHashMap<>();
		Map<String, StatusDistribution.Builder> builders = new LinkedHashMap<>();
		this.jdbc.sql(sql.toString()).params(params).query((rs) -> {
			String code = rs.getString("scope");
			cycles.putIfAbsent(code, new CycleFigures(code, rs.getObject("period_start", LocalDate.class),
					rs.getObject("period_end", LocalDate.class), rs.getBoolean("open"), StatusDistribution.EMPTY));
			builders.computeIfAbsent(code, (k) -> StatusDistribution.builder())
				.add(Status.valueOf(rs.getString("status")), rs.getLong("pairs"), rs.getLong("reported"));
		});
		List<CycleFigures> result = new ArrayList<>();
		cycles.forEach((code, cycle) -> result.add(new CycleFigures(code, cycle.periodStart(), cycle.periodEnd(),
				cycle.open(), builders.get(code).build())));
		return result;
	}

	/**
	 * Self-reported statuses of the pairs a filter selects, one per group, and their distribution.
	 *
	 * @param statuses the status per group's code, in no particular order
	 * @param total the distribution of every pair selected (what {@link #total} counts on the self-reported basis)
	 */
	public record SelfReportedStatuses(Map<String, Status> statuses, StatusDistribution total) {
	}

	/**
	 * The self-reported status of each pair the filter selects in a cycle, live from the entries (submitted, else
	 * validated, else NO_EVIDENCE; a draft never counts), keyed by the group's code (a commitment's or a
	 * stakeholder's; the filter should leave one pair per key): one query. Only for those allowed to see
	 * submissions.
	 */
	public Map<String, Status> selfReportedStatuses(long cycleId, GroupBy key, Filter filter) {
		return selfReported(cycleId, key, filter).statuses();
	}

	/**
	 * The self-reported status of each pair the filter selects (as {@link #selfReportedStatuses}) and their
	 * distribution, from the same query.
	 */
	public SelfReportedStatuses selfReported(long cycleId, GroupBy key, Filter filter) {
		if (key != GroupBy.COMMITMENT && key != GroupBy.STAKEHOLDER) {
			throw new IllegalArgumentException("One status per commitment or per stakeholder");
		}
		List<Object> params = new ArrayList<>();
		params.add(cycleId);
		StringBuilder sql = new StringBuilder().append("select ")
			.append(key.expression)
			.append(" as scope, ")
			.append(Basis.SELF_REPORTED_STATUS)
			.append(" as status, ")
			.append(Basis.SELF_REPORTED_REPORTED)
			.append(" as reported ")
			.append(Basis.SELF_REPORTED.from)
			.append(JOINS)
			.append("where pp.cycle_id = ?");
		appendFilter(sql, params, filter);
		Map<String, Status> statuses = new LinkedHashMap<>();
		StatusDistribution.Builder total = StatusDistribution.builder();
		this.jdbc.sql(sql.toString()).params(params).query((rs) -> {
			Status status = Status.valueOf(rs.getString("status"));
			statuses.put(rs.getString("scope"), status);
			total.add(status, 1, rs.getBoolean("reported") ? 1 : 0);
		});
		return new SelfReportedStatuses(statuses, total.build());
	}

	/** The key of the whole scope in {@link #changes}: every group together. */
	public static final String TOTAL = "*";

	/**
	 * How the share SUBSTANTIAL or COMPLETE of each group (and, under {@link #TOTAL}, of the whole scope the
	 * filter selects) moved between the previous reporting cycle (the latest whose period starts before this
	 * cycle's) and this one, over the public pairs given: one query. Empty when there is no previous cycle;
	 * a group is present when it has pairs in either cycle.
	 */
	public Map<String, Change> changes(long cycleId, GroupBy groupBy, Pairs pairs, Filter filter) {
		if (pairs.basis() != Basis.PUBLISHED) {
			throw new IllegalArgumentException("Changes are counted over published pairs");
		}
		List<Object> params = new ArrayList<>();
		params.add(cycleId);
		params.add(cycleId);
		String scope = (groupBy == GroupBy.ALL) ? "null::text" : groupBy.expression;
		StringBuilder sql = new StringBuilder()
			.append("with this_cycle as (select id, period_start from reporting_cycle where id = ?), ")
			.append("previous as (select rc.id, rc.code from reporting_cycle rc, this_cycle t ")
			.append("where rc.period_start < t.period_start order by rc.period_start desc, rc.id desc limit 1), ")
			.append("shares as (select pp.cycle_id, ")
			.append(scope)
			.append(" as scope, count(*) filter (where pp.status in ('SUBSTANTIAL', 'COMPLETE')) as good, ")
			.append("count(*) filter (where pp.status <> 'NOT_APPLICABLE') as counted ")
			.append(pairs.from())
			.append(JOINS)
			.append("where pp.cycle_id in (? , (select id from previous))");
		appendFilter(sql, params, filter);
		sql.append(" group by ");
		sql.append((groupBy == GroupBy.ALL) ? "grouping sets ((pp.cycle_id))"
				: "grouping sets ((pp.cycle_id, " + groupBy.expression + "), (pp.cycle_id))");
		sql.append("), ratios as (select cycle_id, coalesce(scope, '")
			.append(TOTAL)
			.append("') as scope, round(100.0 * good / nullif(counted, 0), 1) as share from shares) ")
			.append("select p.code as previous_code, k.scope, prev.share as previous_share, cur.share as share, ")
			.append("cur.share - prev.share as points ")
			.append("from previous p cross join (select distinct scope from ratios) k ")
			.append("left join ratios cur on cur.scope = k.scope and cur.cycle_id <> p.id ")
			.append("left join ratios prev on prev.scope = k.scope and prev.cycle_id = p.id ")
			.append("order by k.scope");
		Map<String, Change> result = new LinkedHashMap<>();
		this.jdbc.sql(sql.toString()).params(params).query((rs) -> {
			result.put(rs.getString("scope"), new Change(rs.getString("previous_code"),
					rs.getBigDecimal("previous_share"), rs.getBigDecimal("share"), rs.getBigDecimal("points")));
		});
		return result;
	}

	/** Joined to the pairs of either basis ({@code pp}), for grouping and filtering. */
	private static final String JOINS = "join commitment c on c.id = pp.commitment_id "
			+ "join area a on a.id = c.area_id "
			+ "join stakeholder s on s.id = pp.stakeholder_id ";

	private static void appendFilter(StringBuilder sql, List<Object> params, Filter filter) {
		if (filter.areaCode() != null) {
			sql.append(" and a.code = ?");
			params.add(filter.areaCode());
		}
		if (filter.commitmentCode() != null) {
			sql.append(" and c.code = ?");
			params.add(filter.commitmentCode());
		}
		if (filter.stakeholderCode() != null) {
			sql.append(" and s.code = ?");
			params.add(filter.stakeholderCode());
		}
		if (filter.stakeholderKind() != null) {
			sql.append(" and s.kind = ?");
			params.add(filter.stakeholderKind());
		}
	}

}
