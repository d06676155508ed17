package org.a4p.portal.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.cycle.CycleClosed;
import org.a4p.portal.shared.Rows;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
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

	/**
	 * A reporting cycle as the public sees it, for the list of datasets: its publication in force (none while it
	 * is shown live: open, or closed and never published) and how many it has had.
	 *
	 * @param publicationId the publication in force, {@code null} when the cycle is shown live
	 * @param publishedAt when the publication in force was recorded
	 * @param firstPublishedAt when the cycle was first published
	 * @param publications how many publications the cycle has had (superseded ones included)
	 */
	public record PublishedCycle(long cycleId, String code, LocalDate periodStart, LocalDate periodEnd, boolean open,
			@Nullable Long publicationId, @Nullable OffsetDateTime publishedAt, @Nullable OffsetDateTime firstPublishedAt,
			long publications) {

		/** Whether the public sees the cycle as published (closed with a publication in force), not live. */
		public boolean published() {
			return !this.open && this.publicationId != null;
		}

		public @Nullable LocalDate publishedOn() {
			return (published() && this.publishedAt != null) ? utcDay(this.publishedAt) : null;
		}

		public @Nullable LocalDate firstPublishedOn() {
			return (this.firstPublishedAt != null) ? utcDay(this.firstPublishedAt) : null;
		}

		/** "Corrected on": the day the publication in force replaced an earlier one, if it did. */
		public @Nullable LocalDate correctedOn() {
			return (published() && this.publications > 1) ? publishedOn() : null;
		}

		private static LocalDate utcDay(OffsetDateTime at) {
			return at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CyclePublications(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
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
			.query(Rows.of(Preview.class))
			.optional();
	}

	/** Every reporting cycle, latest first, with its publication in force: one query. */
	@Transactional(readOnly = true)
	public List<PublishedCycle> cycles() {
		return this.jdbc.sql("""
				select rc.id as cycle_id, rc.code, rc.period_start, rc.period_end, rc.state = 'OPEN' as open,
				       p.id as publication_id, p.published_at,
				       (select min(x.published_at) from publication x where x.cycle_id = rc.id) as first_published_at,
				       (select count(*) from publication x where x.cycle_id = rc.id) as publications
				from reporting_cycle rc
				left join publication p on p.cycle_id = rc.id and p.superseded_at is null
				order by rc.period_start desc, rc.id desc""")
			.query(Rows.of(PublishedCycle.class))
			.list();
	}

	/** Closing a cycle publishes it, in the closing transaction. */
	@EventListener
	void publishOnClose(CycleClosed closed) {
		publish(closed.cycleId(), null);
	}

	/**
	 * Publishes the cycle from what its entries and applicable pairs say now, superseding the publication in
	 * force (which stays readable), and announces it ({@link CyclePublished}). Joins the caller's transaction.
	 * @param reason why it is published again ({@code null} the first time)
	 * @return the new publication's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long publish(long cycleId, @Nullable String reason) {
		long publication = this.jdbc.sql("select publish_cycle(?, ?, ?, ?)")
			.params(cycleId, OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC), AuditLog.currentActor(),
					reason)
			.query(Long.class)
			.single();
		this.events.publishEvent(new CyclePublished(publication, cycleId));
		return publication;
	}

}
