package org.a4p.portal.publication;

import java.util.LinkedHashMap;
import java.util.Map;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.SqlStatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1: the number of SQL statements a page runs (counted on the DataSource, so JdbcClient and
 * Hibernate alike) does not grow with the number of entries, links, revisions or cycles.
 */
@PortalTest
@Transactional
class SqlStatementCountTest {

	/** A generous ceiling: a page is a handful of aggregate queries, never one per row. */
	private static final long MAX_STATEMENTS = 12;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	EntryTestSupport t;

	@BeforeEach
	void setUp() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
	}

	private Map<String, Long> statementsPerPage() {
		PortalUser staff = this.t.secretariat();
		PortalUser pak = this.t.delegateOf("PAK");
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("dashboard", count(null, "/"));
		counts.put("dashboard self-reported", count(staff, "/?view=self-reported"));
		counts.put("dashboard self-reported, delegate", count(pak, "/?view=self-reported"));
		counts.put("entries, delegate", count(pak, "/entries"));
		counts.put("entries, Secretariat", count(staff, "/entries?stakeholder=PHL"));
		counts.put("review queue", count(staff, "/review"));
		counts.put("review queue filtered", count(staff, "/review?area=POL&stakeholder=PAK"));
		counts.put("entry page", count(staff, this.t.path("PAK", "POL-1")));
		counts.put("entry page, administrator", count(this.t.admin(), this.t.path("PAK", "POL-1")));
		counts.put("delegate's home", count(pak, "/my"));
		counts.put("commitment page", count(null, "/commitments/POL-1"));
		counts.put("state page", count(null, "/stakeholders/PAK"));
		counts.put("organization page", count(null, "/organizations/EU"));
		counts.put("Secretariat page", count(null, "/stakeholders/secretariat"));
		counts.put("progress per stakeholder", count(null, "/stakeholders/progress"));
		counts.put("progress per stakeholder, filtered and sorted",
				count(null, "/stakeholders/progress?kind=MEMBER_STATE&capacity=SECURITY_COUNCIL&region=142&sort=change"));
		counts.put("progress per stakeholder, not endorsed", count(null, "/stakeholders/progress?endorsed=no&capacity=TPCC"));
		counts.put("progress per stakeholder, earlier cycle", count(null, "/stakeholders/progress?cycle=2019"));
		counts.put("progress per stakeholder and area", count(null, "/stakeholders/progress/areas?region=002&sort=POL"));
		counts.put("collective commitments", count(null, "/commitments/collective"));
		counts.put("endorsements", count(null, "/endorsements"));
		return counts;
	}

	private long count(PortalUser user, String uri) {
		SqlStatementCounter.reset();
		MvcTestResult result = (user != null) ? this.t.get(user, uri)
				: this.mvc.get().uri(uri).header("Accept-Language", "en").exchange();
		long count = SqlStatementCounter.count();
		assertThat(result).as(uri).hasStatus(200);
		assertThat(count).as(uri + ": " + SqlStatementCounter.statements()).isLessThanOrEqualTo(MAX_STATEMENTS);
		return count;
	}

	@Test
	void pagesRunAFixedNumberOfStatementsWhateverTheNumberOfEntries() {
		this.t.save(this.t.delegateOf("PAK"), "PAK", "POL-1", "LIMITED", "One.", null, "A", "https://example.org/a");
		this.t.submit(this.t.delegateOf("PAK"), "PAK", "POL-1");
		// an older, closed cycle (for the timelines, the change since the previous cycle and ?cycle=)
		this.jdbc.sql("""
				insert into reporting_cycle (code, period_start, period_end, opens_on, deadline, state)
				values ('2019', date '2019-01-01', date '2019-12-31', date '2019-01-01', date '2019-12-31', 'CLOSED')
				""").update();
		statementsPerPage(); // warm-up: first use of templates and caches
		Map<String, Long> few = statementsPerPage();
		// the counter sees the pages' queries: at least the figures or lists, and the layout's demo-data check
		assertThat(few.values()).as(few.toString()).allMatch((n) -> n >= 2);

		long cycleId = this.t.count("select id from reporting_cycle where code = ?", this.t.cycle);
		// an entry, submitted over an earlier published value, for every pair of four stakeholders
		this.jdbc.sql("""
				insert into progress_entry (commitment_id, stakeholder_id, cycle_id, status, workflow_state, narrative,
				                            published_status, published_at, submitted_at)
				select ap.commitment_id, ap.stakeholder_id, ap.cycle_id, 'SUBSTANTIAL', 'SUBMITTED', 'Many.',
				       'LIMITED', now(), now()
				from applicable_pair ap join stakeholder s on s.id = ap.stakeholder_id
				where ap.cycle_id = ? and s.code in ('PAK', 'PHL', 'EU', 'SECRETARIAT')
				on conflict do nothing
				""").param(cycleId).update();
		this.jdbc.sql("""
				insert into evidence_link (entry_id, position, title, url)
				select pe.id, g, 'Link ' || g, 'https://example.org/' || pe.id || '/' || g
				from progress_entry pe cross join generate_series(1, 3) g where pe.cycle_id = ?
				""").param(cycleId).update();
		this.jdbc.sql("""
				insert into progress_entry_revision (entry_id, revision, action, actor, entry_version, status,
				       workflow_state, narrative, entered_by_secretariat, evidence)
				select pe.id, 100 + g, 'EDITED', 'someone', g, 'LIMITED', 'DRAFT', 'Revision ' || g, false,
				       cast('[{"title":"t","url":"https://example.org/x"}]' as jsonb)
				from progress_entry pe cross join generate_series(1, 20) g where pe.cycle_id = ?
				""").param(cycleId).update();
		// entries of the older, closed cycle (for the timeline across cycles), and more endorsements and capacities
		this.jdbc.sql("""
				insert into endorsement (stakeholder_id, endorsed_on, source)
				select s.id, date '2018-10-01', 'test' from stakeholder s
				where s.kind = 'MEMBER_STATE' and not exists (select 1 from endorsement e where e.stakeholder_id = s.id)
				""").update();
		this.jdbc.sql("""
				insert into capacity_assignment (stakeholder_id, capacity, starts_on)
				select s.id, 'TPCC', date '2010-01-01' from stakeholder s where s.kind = 'MEMBER_STATE' and s.code < 'M'
				""").update();
		this.jdbc.sql("""
				insert into progress_entry (commitment_id, stakeholder_id, cycle_id, status, workflow_state,
				                            published_status, published_at)
				select ap.commitment_id, ap.stakeholder_id, ap.cycle_id, 'COMPLETE', 'VALIDATED', 'COMPLETE', now()
				from applicable_pair ap join reporting_cycle rc on rc.id = ap.cycle_id where rc.code = '2019'
				""").update();
		assertThat(this.t.count("select count(*) from progress_entry")).isGreaterThan(200);

		Map<String, Long> many = statementsPerPage();
		assertThat(many).isEqualTo(few);
	}

}
