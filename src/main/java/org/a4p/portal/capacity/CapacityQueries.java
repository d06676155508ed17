package org.a4p.portal.capacity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.shared.Page;
import org.a4p.portal.stakeholder.StakeholderNames;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads capacity assignments for the administration pages. */
@Service
@Transactional(readOnly = true)
public class CapacityQueries {

	/** Where an assignment stands on a given day. */
	public enum Period {

		CURRENT, PAST, FUTURE

	}

	/** Which assignments to list; {@code null} does not filter. */
	public record Filter(@Nullable Capacity capacity, @Nullable String state, @Nullable Period period) {
	}

	/** An assignment as the administration pages show it. */
	public record Row(long id, String stateCode, String stateName, Capacity capacity, LocalDate startsOn,
			@Nullable LocalDate endsOn, @Nullable String note, boolean demo, long version, Period period) {
	}

	static final int PAGE_SIZE = 100;

	private static final String SELECT = "select ca.id, s.code, " + StakeholderNames.COLUMNS + """
			     , ca.capacity, ca.starts_on, ca.ends_on, ca.note, ca.demo, ca.version
			from capacity_assignment ca join stakeholder s on s.id = ca.stakeholder_id
			""";

	private final JdbcClient jdbc;

	CapacityQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page<Row> page(Filter filter, int page, LocalDate today, Locale locale) {
		StringBuilder sql = new StringBuilder(SELECT).append("where true");
		Map<String, Object> params = new TreeMap<>();
		params.put("today", today);
		params.put("lang", StakeholderNames.lang(locale));
		if (filter.capacity() != null) {
			sql.append(" and ca.capacity = :capacity");
			params.put("capacity", filter.capacity().name());
		}
		if (filter.state() != null) {
			sql.append(" and ").append(StakeholderNames.MATCHES);
			params.putAll(StakeholderNames.searchParams(filter.state()));
		}
		if (filter.period() != null) {
			sql.append(switch (filter.period()) {
				case CURRENT -> " and ca.starts_on <= :today and (ca.ends_on is null or ca.ends_on >= :today)";
				case PAST -> " and ca.ends_on < :today";
				case FUTURE -> " and ca.starts_on > :today";
			});
		}
		sql.append(" order by ca.capacity, s.name_en, ca.starts_on desc, ca.id desc").append(Page.LIMIT);
		params.putAll(Page.params(page, PAGE_SIZE));
		return Page.of(this.jdbc.sql(sql.toString()).params(params).query((rs, i) -> row(rs, today, locale)).list(),
				page, PAGE_SIZE);
	}

	Optional<Row> byId(long id, LocalDate today, Locale locale) {
		return this.jdbc.sql(SELECT + "where ca.id = :id")
			.param("id", id)
			.param("lang", StakeholderNames.lang(locale))
			.query((rs, i) -> row(rs, today, locale))
			.optional();
	}

	private static Row row(ResultSet rs, LocalDate today, Locale locale) throws SQLException {
		LocalDate startsOn = rs.getObject("starts_on", LocalDate.class);
		LocalDate endsOn = rs.getObject("ends_on", LocalDate.class);
		Period period = startsOn.isAfter(today) ? Period.FUTURE
				: (endsOn != null && endsOn.isBefore(today)) ? Period.PAST : Period.CURRENT;
		return new Row(rs.getLong("id"), rs.getString("code"),
				StakeholderNames.name(rs, locale),
				Capacity.valueOf(rs.getString("capacity")), startsOn, endsOn, rs.getString("note"), rs.getBoolean("demo"),
				rs.getLong("version"), period);
	}

}
