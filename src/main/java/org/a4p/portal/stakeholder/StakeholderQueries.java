package org.a4p.portal.stakeholder;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.shared.Rows;
import org.a4p.portal.stakeholder.Applicability.Period;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads stakeholders: the filterable list, one stakeholder, the capacities it holds, and the facts
 * {@link Applicability} needs. "Endorsed" and "holds a capacity" are judged over a period (the
 * current cycle's), the way {@link Applicability} and the {@code applicable_pair} view judge them.
 */
@Service
@Transactional(readOnly = true)
public class StakeholderQueries {

	/** Which stakeholders to list; {@code null} does not filter. */
	public record ListFilter(@Nullable StakeholderKind kind, @Nullable Boolean endorsed, @Nullable Capacity capacity) {

		public static final ListFilter NONE = new ListFilter(null, null, null);

	}

	/**
	 * A row of the stakeholder list: endorsement in force and capacities held during the period.
	 * {@code endorsed} is always false for the Secretariat, which does not endorse.
	 */
	public record ListItem(StakeholderRef stakeholder, boolean endorsed, List<Capacity> capacities) {

		public boolean endorses() {
			return this.stakeholder.kind() != StakeholderKind.SECRETARIAT;
		}

	}

	/**
	 * A UN M49 region, sub-region or intermediate region holding Member States (its name is the message
	 * {@link #messageKey()}, in the reader's language).
	 *
	 * @param code the three-digit M49 code, e.g. {@code 002} (Africa)
	 * @param level {@code REGION}, {@code SUBREGION} or {@code INTERMEDIATE}
	 * @param parentCode the region a sub-region is part of, the sub-region an intermediate region is part of
	 */
	public record Region(String code, String level, @Nullable String parentCode) {

		public String messageKey() {
			return "region." + this.code;
		}

	}

	/** A capacity assignment, and whether it is held during the period asked about. */
	public record CapacityRecord(Capacity capacity, LocalDate startsOn, @Nullable LocalDate endsOn,
			@Nullable String note, boolean heldDuringPeriod) {
	}

	private static final String IN_FORCE = """
			exists (select 1 from endorsement e where e.stakeholder_id = s.id
			        and (e.endorsed_on is null or e.endorsed_on <= :end)
			        and (e.withdrawn_on is null or e.withdrawn_on >= :start))""";

	private static final String HELD = "ca.starts_on <= :end and (ca.ends_on is null or ca.ends_on >= :start)";

	private final JdbcClient jdbc;

	/** The M49 regions once read (see {@link #regions()}). */
	private volatile @Nullable List<Region> regions;

	StakeholderQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What a closed cycle's publication in force recorded (the cycle {@code :cycle}; none for an open cycle, one
	 * never published, or no cycle): its id, in SQL.
	 */
	private static final String SHOWN_AS_PUBLISHED = "shown as (select p.id from publication p "
			+ "join reporting_cycle rc on rc.id = p.cycle_id where p.cycle_id = cast(:cycle as bigint) "
			+ "and p.superseded_at is null and rc.state = 'CLOSED') ";

	/** Whether stakeholder {@code s} was bound in the cycle: live, or as its publication recorded it. */
	private static final String ENDORSED = "(case when exists (select 1 from shown) then s.kind <> 'SECRETARIAT' "
			+ "and exists (select 1 from published_pair x join shown on x.publication_id = shown.id "
			+ "where x.stakeholder_id = s.id) else " + IN_FORCE + " end)";

	/** Whether stakeholder {@code s} held capacity {@code :capacity} in the cycle: live, or as published. */
	private static final String HELD_CAPACITY = "(case when exists (select 1 from shown) then exists (select 1 "
			+ "from published_pair x join shown on x.publication_id = shown.id join commitment c on c.id = x.commitment_id "
			+ "where x.stakeholder_id = s.id and c.capacity = :capacity) else exists (select 1 from capacity_assignment ca "
			+ "where ca.stakeholder_id = s.id and ca.capacity = :capacity and " + HELD + ") end)";

	/** The capacities stakeholder {@code s} held in the cycle, comma-separated: live, or as published. */
	private static final String CAPACITIES = "(case when exists (select 1 from shown) then (select string_agg(distinct "
			+ "c.capacity, ',') from published_pair x join shown on x.publication_id = shown.id join commitment c "
			+ "on c.id = x.commitment_id where x.stakeholder_id = s.id and c.capacity <> 'ALL') "
			+ "else (select string_agg(distinct ca.capacity, ',') from capacity_assignment ca "
			+ "where ca.stakeholder_id = s.id and " + HELD + ") end)";

	/** Stakeholders matching the filter, named and ordered for the reader: Secretariat, Member States, organizations. */
	public List<ListItem> list(ListFilter filter, Period period, Locale locale) {
		return list(filter, period, null, locale);
	}

	/**
	 * Stakeholders matching the filter in a reporting cycle ({@code period} is its period), named and ordered for
	 * the reader. Whether each endorsed and which capacities it held come from its records for a cycle shown live
	 * (open, or never published), and from what the cycle's publication in force recorded for a closed one (bound:
	 * commitments applied to it; capacities: those through which they applied), so that a later or back-dated
	 * endorsement or capacity does not change a closed cycle's list.
	 */
	public List<ListItem> list(ListFilter filter, Period period, @Nullable Long cycleId, Locale locale) {
		StringBuilder sql = new StringBuilder("with ").append(SHOWN_AS_PUBLISHED).append("select ")
			.append(StakeholderRef.COLUMNS).append(", ")
			.append(ENDORSED).append(" as endorsed, ")
			.append(CAPACITIES).append(" as capacities ")
			.append("from stakeholder s ")
			.append("where true");
		if (filter.kind() != null) {
			sql.append(" and s.kind = :kind");
		}
		if (filter.endorsed() != null) {
			// The Secretariat does not endorse: it is neither endorsed nor not endorsed.
			sql.append(" and s.kind <> 'SECRETARIAT'").append(filter.endorsed() ? " and " : " and not ").append(ENDORSED);
		}
		if (filter.capacity() != null) {
			sql.append(" and ").append(HELD_CAPACITY);
		}
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString())
			.param("start", period.start())
			.param("end", period.end())
			.param("lang", StakeholderNames.lang(locale))
			.param("cycle", cycleId, Types.BIGINT);
		if (filter.kind() != null) {
			statement = statement.param("kind", filter.kind().name());
		}
		if (filter.capacity() != null) {
			statement = statement.param("capacity", filter.capacity().name());
		}
		List<ListItem> items = new ArrayList<>(statement.query((rs, row) -> {
			String capacities = rs.getString("capacities");
			return new ListItem(StakeholderRef.of(rs, locale), rs.getBoolean("endorsed"),
					(capacities == null) ? List.of()
							: Arrays.stream(capacities.split(",")).map(Capacity::valueOf).sorted().toList());
		}).list());
		items.sort(Comparator.comparing(ListItem::stakeholder, StakeholderNames.order(locale)));
		return items;
	}

	/** The stakeholder with this code (upper case), named for the reader. */
	public Optional<StakeholderRef> find(String code, Locale locale) {
		return this.jdbc.sql("select " + StakeholderRef.COLUMNS + " from stakeholder s where s.code = :code")
			.param("lang", StakeholderNames.lang(locale))
			.param("code", code)
			.query((rs, row) -> StakeholderRef.of(rs, locale))
			.optional();
	}

	/** Every capacity the stakeholder has been assigned, latest start first. */
	public List<CapacityRecord> capacities(String code, Period period) {
		return this.jdbc.sql("""
				select ca.capacity, ca.starts_on, ca.ends_on, ca.note, (%s) as held_during_period
				from capacity_assignment ca join stakeholder s on s.id = ca.stakeholder_id
				where s.code = :code
				order by ca.starts_on desc, ca.capacity, ca.id""".formatted(HELD))
			.param("code", code)
			.param("start", period.start())
			.param("end", period.end())
			.query(Rows.of(CapacityRecord.class))
			.list();
	}

	/**
	 * The M49 regions, sub-regions and intermediate regions of the Member States, by code. Reference data that only
	 * a migration writes (V86), read once: the progress pages ask for it twice a request (the filter's choices and
	 * the check of its value).
	 */
	public List<Region> regions() {
		List<Region> regions = this.regions;
		if (regions == null) {
			regions = List.copyOf(this.jdbc.sql("select code, level, parent_code from m49_region order by code")
				.query(Rows.of(Region.class))
				.list());
			if (!regions.isEmpty()) {
				this.regions = regions;
			}
		}
		return regions;
	}

	/** What {@link Applicability} needs to know about the stakeholder: its kind, endorsements and capacities. */
	public Optional<Applicability.Stakeholder> applicabilityFacts(String code) {
		Optional<StakeholderKind> kind = this.jdbc.sql("select kind from stakeholder where code = ?")
			.param(code)
			.query((rs, row) -> StakeholderKind.valueOf(rs.getString(1)))
			.optional();
		return kind.map((k) -> new Applicability.Stakeholder(k,
				this.jdbc.sql("select e.endorsed_on, e.withdrawn_on from endorsement e "
						+ "join stakeholder s on s.id = e.stakeholder_id where s.code = ?")
					.param(code)
					.query(Rows.of(Applicability.Endorsement.class))
					.list(),
				this.jdbc.sql("select ca.capacity, ca.starts_on, ca.ends_on from capacity_assignment ca "
						+ "join stakeholder s on s.id = ca.stakeholder_id where s.code = ?")
					.param(code)
					.query(Rows.of(Applicability.HeldCapacity.class))
					.list()));
	}

}
