package org.a4p.portal.publication;

import java.util.LinkedHashMap;
import java.util.Map;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator publishes a closed cycle again, with a reason: what its pages show is recorded anew from
 * its entries and applicable pairs as they are now, the publication in force is superseded (and stays
 * readable), and the page says "corrected on" that day. Audited as {@code CYCLE_REPUBLISHED}. An open cycle is
 * shown live and cannot be republished (close it instead).
 */
@Service
class RepublishCycle {

	/** The longest reason kept ({@code publication.reason}). */
	static final int REASON_MAX = 2000;

	/** Republish cycle {@code cycleId} because of {@code reason} (plain text, 1 to 2,000 characters). */
	record Command(long cycleId, String reason) {
	}

	private final JdbcClient jdbc;

	private final CyclePublications publications;

	private final AuditLog audit;

	RepublishCycle(JdbcClient jdbc, CyclePublications publications, AuditLog audit) {
		this.jdbc = jdbc;
		this.publications = publications;
		this.audit = audit;
	}

	/** @return the new publication's id */
	@Transactional
	long republish(Command command) {
		String reason = command.reason().strip();
		if (reason.isEmpty()) {
			throw Refusal.of("reason", "publication.republish.reason.required");
		}
		if (reason.length() > REASON_MAX) {
			throw Refusal.of("reason", "publication.republish.reason.length");
		}
		// the cycle's row locked: a close, a reopen or another republish of it waits for this one
		Map<String, Object> cycle = this.jdbc.sql("select code, state from reporting_cycle where id = ? for update")
			.param(command.cycleId())
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("reporting cycle " + command.cycleId()));
		if (!"CLOSED".equals(cycle.get("state"))) {
			throw Refusal.because("publication.republish.open", cycle.get("code"));
		}
		Map<String, @Nullable Object> before = inForce(command.cycleId());
		long publication = this.publications.publish(command.cycleId(), reason);
		Map<String, @Nullable Object> after = inForce(command.cycleId());
		after.put("reason", reason);
		this.audit.record("CYCLE_REPUBLISHED", "reporting_cycle", command.cycleId(),
				"Reporting cycle " + cycle.get("code") + " republished (publication " + publication + ")", before, after);
		return publication;
	}

	/** The publication in force: its id, date and number of pairs (empty values where none). */
	private Map<String, @Nullable Object> inForce(long cycleId) {
		Map<String, @Nullable Object> state = new LinkedHashMap<>();
		this.jdbc.sql("""
				select p.id, p.published_at, (select count(*) from published_pair pp where pp.publication_id = p.id) as pairs
				from publication p where p.cycle_id = ? and p.superseded_at is null""")
			.param(cycleId)
			.query((rs) -> {
				state.put("publication", rs.getLong("id"));
				state.put("publishedAt", rs.getString("published_at"));
				state.put("pairs", rs.getLong("pairs"));
			});
		return state;
	}

}
