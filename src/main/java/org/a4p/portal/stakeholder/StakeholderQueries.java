package org.a4p.portal.stakeholder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.a4p.portal.catalogue.Capacity;
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

	StakeholderQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stakeholders matching the filter, named and ordered for the reader: Secretariat, Member States, organizations. */
	public List<ListItem> list(ListFilter filter, Period period, Locale locale) {
		StringBuilder sql = new StringBuilder("select ").append(StakeholderRef.COLUMNS).append(", ")
			.append(IN_FORCE).append(" as endorsed, ")
			.append("(select string_agg(distinct ca.capacity, ',') from capacity_assignment ca ")
			.append("where ca.stakeholder_id = s.id and ").append(HELD).append(") as capacities ")
			.append("from stakeholder s ")
			.append("where true");
		if (filter.kind() != null) {
			sql.append(" and s.kind = :kind");
		}
		if (filter.endorsed() != null) {
			// The Secretariat does not endorse: it is neither endorsed nor not endorsed.
			sql.append(" and s.kind <> 'SECRETARIAT'").append(filter.endorsed() ? " and " : " and not ").append(IN_FORCE);
		}
		if (filter.capacity() != null) {
			sql.append(" and exists (select 1 from capacity_assignment ca where ca.stakeholder_id = s.id ")
				.append("and ca.capacity = :capacity and ").append(HELD).append(")");
		}
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString())
			.param("start", period.start())
			.param("end", period.end())
			.param("lang", StakeholderNames.lang(locale));
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
			.query(CapacityRecord.class)
			.list();
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
					.query(Applicability.Endorsement.class)
					.list(),
				this.jdbc.sql("select ca.capacity, ca.starts_on, ca.ends_on from capacity_assignment ca "
						+ "join stakeholder s on s.id = ca.stakeholder_id where s.code = ?")
					.param(code)
					.query(Applicability.HeldCapacity.class)
					.list()));
	}

}
