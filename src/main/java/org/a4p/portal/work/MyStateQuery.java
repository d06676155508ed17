package org.a4p.portal.work;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.shared.Rows;
import org.a4p.portal.stakeholder.StakeholderNames;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a delegate's home page shows about their Member State in a cycle: the state, its endorsement
 * and capacities (its entries come from {@link EntryListQuery}).
 */
@Service
@Transactional(readOnly = true)
class MyStateQuery {

	/** The state, named in the reader's language, and the endorsement in force, if any. */
	record StateSummary(long id, String code, String name, boolean endorsed, @Nullable LocalDate endorsedOn) {
	}

	/** A capacity the state holds during (part of) the cycle. */
	record CapacityHeld(Capacity capacity, LocalDate startsOn, @Nullable LocalDate endsOn) {
	}

	private final JdbcClient jdbc;

	MyStateQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	StateSummary state(long stakeholderId, Locale locale) {
		return this.jdbc.sql("select s.id, s.code, " + StakeholderNames.COLUMNS + """
				     , e.id as endorsement_id, e.endorsed_on
				from stakeholder s
				left join endorsement e on e.stakeholder_id = s.id and e.withdrawn_on is null
				where s.id = :id
				""")
			.param("lang", StakeholderNames.lang(locale))
			.param("id", stakeholderId)
			.query((rs, n) -> {
				rs.getLong("endorsement_id");
				boolean endorsed = !rs.wasNull();
				return new StateSummary(rs.getLong("id"), rs.getString("code"), StakeholderNames.name(rs, locale),
						endorsed, rs.getObject("endorsed_on", LocalDate.class));
			})
			.single();
	}

	/** Capacities held at some time during the cycle's period. */
	List<CapacityHeld> capacities(long stakeholderId, CycleView cycle) {
		return this.jdbc.sql("""
				select capacity, starts_on, ends_on from capacity_assignment
				where stakeholder_id = ? and starts_on <= ? and (ends_on is null or ends_on >= ?)
				order by capacity, starts_on
				""")
			.params(stakeholderId, cycle.periodEnd(), cycle.periodStart())
			.query(Rows.of(CapacityHeld.class))
			.list();
	}

}
