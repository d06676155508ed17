package org.a4p.portal.publication;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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

	private final JdbcClient jdbc;

	private final Clock clock;

	CyclePublications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
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
