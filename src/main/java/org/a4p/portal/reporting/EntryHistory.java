package org.a4p.portal.reporting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.AfterCommit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the history of an entry: after every change, a revision row holding the entry as it now is
 * (who, when, which action), and an audit event with the fields before and after. Runs in the
 * writer's transaction, after the entry was flushed, so all three are written or none.
 */
@Component
class EntryHistory {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditLog audit;

	private final MeterRegistry meters;

	EntryHistory(JdbcClient jdbc, JsonMapper json, AuditLog audit, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.meters = meters;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void record(ProgressEntry entry, RevisionAction action, String actor, Instant at, EntryContext context,
			@Nullable Map<String, @Nullable Object> before) {
		this.jdbc.sql("""
				insert into progress_entry_revision (entry_id, revision, action, actor, occurred_at, entry_version,
				    status, workflow_state, narrative, review_comment, entered_by_secretariat, published_status, evidence)
				values (:entry, (select coalesce(max(r.revision), 0) + 1 from progress_entry_revision r
				                 where r.entry_id = :entry),
				        :action, :actor, :at, :version, :status, :state, :narrative, :comment, :bySecretariat,
				        :published, cast(:evidence as jsonb))
				""")
			.param("entry", entry.id())
			.param("action", action.name())
			.param("actor", actor)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("version", entry.version())
			.param("status", entry.status().name())
			.param("state", entry.workflowState().name())
			.param("narrative", entry.narrative())
			.param("comment", entry.reviewComment())
			.param("bySecretariat", entry.enteredBySecretariat())
			.param("published", (entry.publishedStatus() != null) ? entry.publishedStatus().name() : null)
			.param("evidence", this.json.writeValueAsString(entry.links()))
			.update();
		this.audit.record("PROGRESS_ENTRY_" + action.name(), "progress_entry", entry.id(),
				context.commitmentCode() + " / " + context.stakeholderCode() + " / " + context.cycle().code() + ": "
						+ action.name().toLowerCase(Locale.ROOT),
				before, entry.snapshot());
		// portal.entries{action=created|edited|submitted|validated|returned}: workflow steps committed
		Counter steps = Counter.builder("portal.entries")
			.description("Progress entry workflow steps committed, by action")
			.tag("action", action.name().toLowerCase(Locale.ROOT))
			.register(this.meters);
		AfterCommit.run(steps::increment);
	}

}
