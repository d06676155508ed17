package org.a4p.portal.progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status distributions computed in SQL over the applicable pairs of a cycle (the
 * {@code applicable_pair} view) joined to their entries: one aggregate query per call, whatever the
 * number of entries stored.
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
		return distributions(cycleId, GroupBy.ALL, basis, filter).getOrDefault("ALL", StatusDistribution.EMPTY);
	}

	/** One distribution per group (area code, commitment code or stakeholder code), in SQL order of the key. */
	public Map<String, StatusDistribution> distributions(long cycleId, GroupBy groupBy, Basis basis, Filter filter) {
		StringBuilder sql = new StringBuilder()
			.append("select ").append(groupBy.expression).append(" as scope, coalesce(")
			.append(basis.statusColumn).append(", 'NO_EVIDENCE') as status, count(*) as pairs, ")
			.append("count(pe.id) filter (where pe.published_status is not null ")
			.append("or pe.workflow_state in ('SUBMITTED', 'VALIDATED')) as reported ")
			.append("from applicable_pair ap ")
			.append("join commitment c on c.id = ap.commitment_id ")
			.append("join area a on a.id = c.area_id ")
			.append("join stakeholder s on s.id = ap.stakeholder_id ")
			.append("left join progress_entry pe on pe.cycle_id = ap.cycle_id ")
			.append("and pe.commitment_id = ap.commitment_id and pe.stakeholder_id = ap.stakeholder_id ")
			.append("where ap.cycle_id = ?");
		List<Object> params = new ArrayList<>();
		params.add(cycleId);
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

}
