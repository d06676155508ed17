package org.a4p.portal.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.cycle.CycleClosed;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the public sees of a closed cycle (every applicable pair with its published status, whether it
 * was reported, the validated narrative and evidence), so that its pages never change afterwards unless it is
 * published again. A closed cycle's figures and statuses are read from its publication in force
 * ({@code public_pair}, migration V80).
 */
@Component
public class CyclePublications {

	/**
	 * What republishing a cycle would change, for the confirmation page: the publication in force (its date and
	 * pairs, {@code null} and zero when none) against what the cycle's entries and applicable pairs say now.
	 *
	 * @param publications how many publications the cycle has had
	 * @param added pairs that apply now and were not published
	 * @param removed pairs that were published and no longer apply
	 * @param changed pairs in both whose status differs
	 */
	public record Preview(long cycleId, String code, boolean open, @Nullable OffsetDateTime publishedAt,
			long publications, long publishedPairs, long livePairs, long added, long removed, long changed) {

		public @Nullable LocalDate publishedOn() {
			return (this.publishedAt != null) ? this.publishedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()
					: null;
		}

		public boolean anyChange() {
			return this.added + this.removed + this.changed > 0;
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	CyclePublications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What republishing the cycle would change (empty when there is no such cycle): one query. */
	@Transactional(readOnly = true)
	public Optional<Preview> preview(long cycleId) {
		return this.jdbc.sql("""
				with pub as (select id, published_at from publication where cycle_id = :cycle and superseded_at is null),
				live as (
				    select ap.commitment_id, ap.stakeholder_id, coalesce(pe.published_status, 'NO_EVIDENCE') as status
				    from applicable_pair ap
				    left join progress_entry pe on pe.cycle_id = ap.cycle_id and pe.commitment_id = ap.commitment_id
				         and pe.stakeholder_id = ap.stakeholder_id
				    where ap.cycle_id = :cycle),
				published as (select x.commitment_id, x.stakeholder_id, x.status from published_pair x
				              where x.publication_id = (select id from pub)),
				diff as (
				    select count(*) filter (where p.stakeholder_id is not null) as published_pairs,
				           count(*) filter (where l.stakeholder_id is not null) as live_pairs,
				           count(*) filter (where p.stakeholder_id is null) as added,
				           count(*) filter (where l.stakeholder_id is null) as removed,
				           count(*) filter (where p.status <> l.status) as changed
				    from live l full join published p on p.commitment_id = l.commitment_id
				         and p.stakeholder_id = l.stakeholder_id)
				select rc.id as cycle_id, rc.code, rc.state = 'OPEN' as open, (select published_at from pub),
				       (select count(*) from publication where cycle_id = rc.id) as publications,
				       d.published_pairs, d.live_pairs, d.added, d.removed, d.changed
				from reporting_cycle rc cross join diff d
				where rc.id = :cycle""")
			.param("cycle", cycleId)
			.query(Preview.class)
			.optional();
	}

	/** Closing a cycle publishes it, in the closing transaction. */
	@EventListener
	void publishOnClose(CycleClosed closed) {
		publish(closed.cycleId(), null);
	}

	/**
	 * Publishes the cycle from what its entries and applicable pairs say now, superseding the publication in
	 * force (which stays readable). Joins the caller's transaction.
	 * @param reason why it is published again ({@code null} the first time)
	 * @return the new publication's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long publish(long cycleId, @Nullable String reason) {
		return this.jdbc.sql("select publish_cycle(?, ?, ?, ?)")
			.params(cycleId, OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC), AuditLog.currentActor(),
					reason)
			.query(Long.class)
			.single();
	}

}
