package org.a4p.portal.publication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.progress.Status;
import org.a4p.portal.progress.StatusDistribution;
import org.a4p.portal.stakeholder.StakeholderNames;
import org.a4p.portal.stakeholder.StakeholderRef;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress per stakeholder in one reporting cycle, as the public sees it ({@code public_pair}: live for an open
 * cycle, as published for a closed one): the overview (one row per stakeholder, with the change since the
 * previous cycle) and the stakeholders-by-area table. Each is ONE aggregate query grouped by stakeholder, however
 * many stakeholders, entries and cycles are stored; the row of the collective commitments as a whole comes from
 * the same query (a second grouping set).
 * <p>
 * Which stakeholders: those the filters select among the ones commitments applied to in the cycle (the
 * Secretariat and the stakeholders bound by an endorsement, as recorded for a closed cycle); a capacity counts
 * when a commitment of that capacity applied to the state in the cycle. With {@code endorsed=no}, the Member
 * States and organizations to which nothing applied instead (no figures), a capacity then counting when an
 * assignment overlaps the cycle.
 */
@Service
@Transactional(readOnly = true)
class StakeholderProgressQuery {

	/**
	 * One row: a stakeholder's figures in the cycle, or (stakeholder {@code null}) the collective commitments as a
	 * whole, over the stakeholders shown.
	 *
	 * @param previous the figures of the previous cycle (by period), {@code null} when nothing applied then
	 * @param lastValidated the day (UTC) of the latest validation among the published values
	 * @param bound whether anything applied in the cycle (false: a row of the {@code endorsed=no} list)
	 */
	record Row(@Nullable StakeholderRef stakeholder, StatusDistribution distribution,
			@Nullable StatusDistribution previous, @Nullable LocalDate lastValidated, boolean bound) {

		public boolean collective() {
			return this.stakeholder == null;
		}

		/**
		 * Change of the share Substantial or Complete since the previous cycle, in percentage points (one
		 * decimal), or {@code null} when either cycle has nothing to count.
		 */
		public @Nullable BigDecimal change() {
			if (this.previous == null || this.previous.denominator() == 0 || this.distribution.denominator() == 0) {
				return null;
			}
			BigDecimal now = share(this.distribution);
			BigDecimal before = share(this.previous);
			return now.subtract(before).multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
		}

		private static BigDecimal share(StatusDistribution d) {
			return BigDecimal.valueOf(d.substantialOrComplete()).divide(BigDecimal.valueOf(d.denominator()), 12,
					RoundingMode.HALF_UP);
		}

	}

	/**
	 * The overview of a cycle.
	 *
	 * @param previousCycle the code of the previous cycle (by period), {@code null} for the first cycle
	 * @param collective the collective commitments as a whole over the stakeholders shown ({@code null} when none is
	 * shown or none is bound)
	 */
	record Overview(CycleView cycle, @Nullable String previousCycle, List<Row> rows, @Nullable Row collective) {
	}

	/**
	 * A row of the stakeholders-by-area table: the figures of each area (absent where nothing of the area applied),
	 * and of all areas together (the overview's figures).
	 */
	record MatrixRow(@Nullable StakeholderRef stakeholder, Map<String, StatusDistribution> areas,
			StatusDistribution total) {

		public boolean collective() {
			return this.stakeholder == null;
		}

		public @Nullable StatusDistribution area(String code) {
			return this.areas.get(code);
		}

		/** The cell of an area, {@code null} where nothing of the area applied. */
		public @Nullable Cell cell(String areaCode) {
			StatusDistribution d = this.areas.get(areaCode);
			return (d != null && d.applicable() > 0) ? Cell.of(d) : null;
		}

		/** The cell of all areas together, {@code null} where nothing applied. */
		public @Nullable Cell totalCell() {
			return (this.total.applicable() > 0) ? Cell.of(this.total) : null;
		}

	}

	/**
	 * A cell of the stakeholders-by-area table: the share Substantial or Complete as a whole percentage, and the
	 * counts it is made of ("40% · 2/5").
	 *
	 * @param band which fifth of the scale the share is in (0: none; 1: up to 25%; … 4: more than 75%), for its
	 * shade: the values are in the cell, the shade only helps to scan
	 */
	record Cell(long substantialOrComplete, long denominator, BigDecimal percent, int band) {

		static Cell of(StatusDistribution d) {
			long sc = d.substantialOrComplete();
			BigDecimal percent = d.substantialOrCompletePercent().setScale(0, RoundingMode.HALF_UP);
			int band = (sc == 0) ? 0 : (int) Math.min(4, Math.ceil(4.0 * sc / d.denominator()));
			return new Cell(sc, d.denominator(), percent, band);
		}

	}

	/** The stakeholders-by-area table of a cycle; {@code totals}: each area over the stakeholders shown. */
	record Matrix(CycleView cycle, List<MatrixRow> rows, @Nullable MatrixRow collective, MatrixRow totals) {
	}

	/** Pairs per status, reported pairs and the latest validation of a group of {@code p} (see PAIRS). */
	private static final String COUNTS;

	static {
		StringBuilder counts = new StringBuilder();
		for (Status status : Status.values()) {
			counts.append("count(*) filter (where p.status = '")
				.append(status.name())
				.append("') as n_")
				.append(status.name().toLowerCase(Locale.ROOT))
				.append(", ");
		}
		COUNTS = counts.append("count(*) filter (where p.reported) as reported, ")
			.append("(max(p.validated_at) at time zone 'UTC')::date as last_validated ")
			.toString();
	}

	/** The chosen cycle and the one before it by period. */
	private static final String CYCLES = """
			chosen as (select id, period_start from reporting_cycle where id = :cycle),
			previous as (
			    select rc.id, rc.code from reporting_cycle rc, chosen
			    where rc.period_start < chosen.period_start
			    order by rc.period_start desc, rc.id desc limit 1),
			""";

	private final JdbcClient jdbc;

	StakeholderProgressQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One row per stakeholder the filters select, in no particular order, and the collective row: one query. Each
	 * cycle is read by an equality of its own, which PostgreSQL carries into the {@code public_pair} view (an
	 * index lookup); "this cycle or the previous one" in one condition it does not, and reads the whole view.
	 */
	Overview overview(CycleView cycle, ProgressFilters.Parsed filters, Locale locale) {
		if (filters.unbound()) {
			return new Overview(cycle, null, unbound(cycle, filters, locale), null);
		}
		Map<String, Object> params = params(cycle, filters, locale);
		String sql = "with " + CYCLES + """
				pairs as (
				    select true as current, pp.stakeholder_id, c.owner = 'COLLECTIVE' as collective,
				           c.owner, c.capacity, pp.status, pp.reported, pp.validated_at
				    from public_pair pp join commitment c on c.id = pp.commitment_id
				    where pp.cycle_id = :cycle
				    union all
				    select false, pp.stakeholder_id, c.owner = 'COLLECTIVE', c.owner, c.capacity, pp.status, pp.reported,
				           pp.validated_at
				    from public_pair pp join commitment c on c.id = pp.commitment_id
				    where pp.cycle_id = (select id from previous)),
				""" + shown(filters) + """
				groups as (
				    select p.current, p.stakeholder_id, p.collective, grouping(p.stakeholder_id) = 1 as by_owner,
				""" + COUNTS + """
				    from pairs p join shown on shown.id = p.stakeholder_id
				    group by grouping sets ((p.current, p.stakeholder_id), (p.current, p.collective)))
				select g.*, (select code from previous) as previous_code, s.code, s.kind, """ + StakeholderNames.COLUMNS
				+ """
						 from groups g left join stakeholder s on s.id = g.stakeholder_id
						where not g.by_owner or g.collective""";
		Map<String, StatusDistribution> current = new LinkedHashMap<>();
		Map<String, StatusDistribution> previous = new HashMap<>();
		Map<String, @Nullable LocalDate> lastValidated = new HashMap<>();
		Map<String, StakeholderRef> stakeholders = new HashMap<>();
		String[] previousCode = { null };
		this.jdbc.sql(sql).params(params).query((rs) -> {
			previousCode[0] = rs.getString("previous_code");
			String key = rs.getBoolean("by_owner") ? "" : rs.getString("code");
			if (!key.isEmpty() && !stakeholders.containsKey(key)) {
				stakeholders.put(key, ref(rs, locale));
			}
			StatusDistribution d = distribution(rs);
			if (rs.getBoolean("current")) {
				current.put(key, d);
				lastValidated.put(key, rs.getObject("last_validated", LocalDate.class));
			}
			else {
				previous.put(key, d);
			}
		});
		List<Row> rows = new ArrayList<>();
		Row collective = null;
		for (Map.Entry<String, StatusDistribution> e : current.entrySet()) {
			String key = e.getKey();
			Row row = new Row(key.isEmpty() ? null : stakeholders.get(key), e.getValue(), previous.get(key),
					lastValidated.get(key), true);
			if (key.isEmpty()) {
				collective = row;
			}
			else {
				rows.add(row);
			}
		}
		return new Overview(cycle, previousCode[0], rows, collective);
	}

	/** The stakeholders-by-area table: one query, grouped by stakeholder and area. */
	Matrix matrix(CycleView cycle, ProgressFilters.Parsed filters, Locale locale) {
		if (filters.unbound()) {
			List<MatrixRow> rows = unbound(cycle, filters, locale).stream()
				.map((r) -> new MatrixRow(r.stakeholder(), Map.of(), StatusDistribution.EMPTY))
				.toList();
			return new Matrix(cycle, rows, null, new MatrixRow(null, Map.of(), StatusDistribution.EMPTY));
		}
		Map<String, Object> params = params(cycle, filters, locale);
		String sql = "with " + CYCLES + """
				pairs as (
				    select true as current, pp.stakeholder_id, c.owner = 'COLLECTIVE' as collective, c.owner,
				           c.capacity, a.code as area, pp.status, pp.reported, pp.validated_at
				    from public_pair pp join commitment c on c.id = pp.commitment_id join area a on a.id = c.area_id
				    where pp.cycle_id = :cycle),
				""" + shown(filters) + """
				groups as (
				    select p.stakeholder_id, p.collective, p.area, grouping(p.stakeholder_id) = 1 as by_owner,
				""" + COUNTS + """
				    from pairs p join shown on shown.id = p.stakeholder_id
				    group by grouping sets ((p.stakeholder_id, p.area), (p.collective, p.area)))
				select g.*, s.code, s.kind, """ + StakeholderNames.COLUMNS + """
						 from groups g left join stakeholder s on s.id = g.stakeholder_id
						where not g.by_owner or g.collective""";
		Map<String, Map<String, StatusDistribution>> cells = new LinkedHashMap<>();
		Map<String, StakeholderRef> stakeholders = new HashMap<>();
		this.jdbc.sql(sql).params(params).query((rs) -> {
			String key = rs.getBoolean("by_owner") ? "" : rs.getString("code");
			if (!key.isEmpty() && !stakeholders.containsKey(key)) {
				stakeholders.put(key, ref(rs, locale));
			}
			cells.computeIfAbsent(key, (k) -> new LinkedHashMap<>()).put(rs.getString("area"), distribution(rs));
		});
		List<MatrixRow> rows = new ArrayList<>();
		MatrixRow collective = null;
		Map<String, List<StatusDistribution>> byArea = new LinkedHashMap<>();
		for (Map.Entry<String, Map<String, StatusDistribution>> e : cells.entrySet()) {
			MatrixRow row = new MatrixRow(e.getKey().isEmpty() ? null : stakeholders.get(e.getKey()),
					Map.copyOf(e.getValue()), StatusDistribution.sum(e.getValue().values()));
			if (row.collective()) {
				collective = row;
			}
			else {
				rows.add(row);
				e.getValue().forEach((area, d) -> byArea.computeIfAbsent(area, (k) -> new ArrayList<>()).add(d));
			}
		}
		Map<String, StatusDistribution> areaTotals = new LinkedHashMap<>();
		byArea.forEach((area, parts) -> areaTotals.put(area, StatusDistribution.sum(parts)));
		return new Matrix(cycle, rows, collective,
				new MatrixRow(null, areaTotals, StatusDistribution.sum(areaTotals.values())));
	}

	/**
	 * The Member States and organizations the filters select to which nothing applied in the cycle (no pair):
	 * one query.
	 */
	private List<Row> unbound(CycleView cycle, ProgressFilters.Parsed filters, Locale locale) {
		StringBuilder sql = new StringBuilder("select s.code, s.kind, ").append(StakeholderNames.COLUMNS)
			.append(" from stakeholder s left join member_state_region r on r.stakeholder_id = s.id")
			.append(" where s.kind <> 'SECRETARIAT'")
			.append(" and not exists (select 1 from public_pair pp where pp.cycle_id = :cycle and pp.stakeholder_id = s.id)");
		appendWho(sql, filters);
		if (filters.capacity() != null) {
			sql.append(" and exists (select 1 from capacity_assignment ca where ca.stakeholder_id = s.id")
				.append(" and ca.capacity = :capacity and ca.starts_on <= :end and (ca.ends_on is null or ca.ends_on >= :start))");
		}
		Map<String, Object> params = params(cycle, filters, locale);
		params.put("start", cycle.periodStart());
		params.put("end", cycle.periodEnd());
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Row(ref(rs, locale), StatusDistribution.EMPTY, null, null, false))
			.list();
	}

	/** The stakeholders shown ({@code shown.id}) among those with pairs in the chosen cycle. */
	private static String shown(ProgressFilters.Parsed filters) {
		StringBuilder sql = new StringBuilder("shown as (select s.id from stakeholder s ")
			.append("left join member_state_region r on r.stakeholder_id = s.id ")
			.append("where exists (select 1 from pairs p where p.current and p.stakeholder_id = s.id");
		if (filters.capacity() != null) {
			sql.append(" and p.owner = 'MEMBER_STATES' and p.capacity = :capacity");
		}
		sql.append(")");
		if (Boolean.TRUE.equals(filters.endorsed())) {
			sql.append(" and s.kind <> 'SECRETARIAT'");
		}
		appendWho(sql, filters);
		return sql.append("),\n").toString();
	}

	private static void appendWho(StringBuilder sql, ProgressFilters.Parsed filters) {
		if (filters.kind() != null) {
			sql.append(" and s.kind = :kind");
		}
		if (filters.region() != null) {
			sql.append(" and :region in (r.region_code, r.subregion_code, r.intermediate_code)");
		}
	}

	private static Map<String, Object> params(CycleView cycle, ProgressFilters.Parsed filters, Locale locale) {
		Map<String, Object> params = new HashMap<>();
		params.put("cycle", cycle.id());
		params.put("lang", locale.getLanguage());
		if (filters.kind() != null) {
			params.put("kind", filters.kind().name());
		}
		if (filters.capacity() != null) {
			params.put("capacity", filters.capacity().name());
		}
		if (filters.region() != null) {
			params.put("region", filters.region());
		}
		return params;
	}

	private static StakeholderRef ref(ResultSet rs, Locale locale) throws SQLException {
		return StakeholderRef.of(rs, locale);
	}

	private static StatusDistribution distribution(ResultSet rs) throws SQLException {
		StatusDistribution.Builder builder = StatusDistribution.builder();
		for (Status status : Status.values()) {
			builder.add(status, rs.getLong("n_" + status.name().toLowerCase(Locale.ROOT)), 0);
		}
		// the reported pairs of the group, counted once
		builder.add(Status.NO_EVIDENCE, 0, rs.getLong("reported"));
		return builder.build();
	}

}
