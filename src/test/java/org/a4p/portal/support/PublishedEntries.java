package org.a4p.portal.support;

import org.a4p.portal.progress.Status;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes progress entries straight into the table, for tests that run inside a rolled-back transaction. */
public final class PublishedEntries {

	private PublishedEntries() {
	}

	/** A validated entry in the current cycle: what the public sees. */
	public static void validated(JdbcClient jdbc, String commitment, String stakeholder, Status status) {
		insert(jdbc, commitment, stakeholder, status, "VALIDATED", status);
	}

	/** A draft (or a submission) not yet validated: the public must not see it. */
	public static void unpublished(JdbcClient jdbc, String commitment, String stakeholder, Status status, String workflow) {
		insert(jdbc, commitment, stakeholder, status, workflow, null);
	}

	/** A closed reporting cycle over a calendar year, before the current one. */
	public static void closedCycle(JdbcClient jdbc, String year) {
		jdbc.sql("insert into reporting_cycle (code, period_start, period_end, opens_on, deadline, state) "
				+ "values (?, cast(? as date), cast(? as date), cast(? as date), cast(? as date), 'CLOSED')")
			.params(year, year + "-01-01", year + "-12-31", year + "-01-01", year + "-12-31")
			.update();
	}

	/** A validated entry in the given cycle. */
	public static void validatedIn(JdbcClient jdbc, String cycle, String commitment, String stakeholder, Status status) {
		jdbc.sql("""
				insert into progress_entry (cycle_id, stakeholder_id, commitment_id, status, workflow_state,
				                            published_status, published_at)
				select rc.id, s.id, c.id, ?, 'VALIDATED', ?, now()
				from reporting_cycle rc, stakeholder s, commitment c where rc.code = ? and s.code = ? and c.code = ?
				""").params(status.name(), status.name(), cycle, stakeholder, commitment).update();
	}

	private static void insert(JdbcClient jdbc, String commitment, String stakeholder, Status status, String workflow,
			Status published) {
		jdbc.sql("""
				insert into progress_entry (commitment_id, stakeholder_id, cycle_id, status, workflow_state,
				                            published_status, published_at, submitted_at)
				select c.id, s.id, rc.id, :status, :workflow, cast(:published as varchar),
				       case when cast(:published as varchar) is null then null else now() end,
				       case when cast(:workflow as varchar) = 'DRAFT' then null else now() end
				from commitment c, stakeholder s,
				     (select id from reporting_cycle order by (state = 'OPEN') desc, period_start desc, id desc limit 1) rc
				where c.code = :commitment and s.code = :stakeholder""")
			.param("status", status.name())
			.param("workflow", workflow)
			.param("published", (published != null) ? published.name() : null, java.sql.Types.VARCHAR)
			.param("commitment", commitment)
			.param("stakeholder", stakeholder)
			.update();
	}

}
