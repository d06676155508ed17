package org.a4p.portal.review;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How much the review queue holds: for the Secretariat's work page. One query. */
@Service
@Transactional(readOnly = true)
public class ReviewCounts {

	/** Submissions waiting in one area. */
	public record AreaCount(String areaCode, long count) {
	}

	/**
	 * The submissions waiting for review in a cycle.
	 * @param oldest when the one waiting longest was submitted (UTC); {@code null} when none waits
	 * @param byArea the areas with submissions waiting, in catalogue order
	 */
	public record Waiting(long total, @Nullable OffsetDateTime oldest, List<AreaCount> byArea) {

		/** The queue's address for the cycle, filtered to an area or not ({@code null}). */
		public String queueHref(String cycleCode, @Nullable String areaCode) {
			return "/review?cycle=" + cycleCode + ((areaCode != null) ? "&area=" + areaCode : "");
		}

	}

	private final JdbcClient jdbc;

	ReviewCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Waiting waiting(long cycleId) {
		long[] total = { 0 };
		OffsetDateTime[] oldest = { null };
		List<AreaCount> byArea = this.jdbc.sql("""
				select a.code, count(*) as waiting, sum(count(*)) over () as total,
				       min(min(pe.submitted_at)) over () as oldest
				from progress_entry pe
				join commitment c on c.id = pe.commitment_id
				join area a on a.id = c.area_id
				where pe.cycle_id = :cycle and pe.workflow_state = 'SUBMITTED'
				group by a.code, a.position
				order by a.position
				""")
			.param("cycle", cycleId)
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				OffsetDateTime at = rs.getObject("oldest", OffsetDateTime.class);
				oldest[0] = (at != null) ? at.withOffsetSameInstant(ZoneOffset.UTC) : null;
				return new AreaCount(rs.getString("code"), rs.getLong("waiting"));
			})
			.list();
		return new Waiting(total[0], oldest[0], byArea);
	}

}
