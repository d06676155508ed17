package org.a4p.portal.publication;

import java.util.LinkedHashMap;
import java.util.Locale;
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

	/**
	 * A generous ceiling: a page is a handful of aggregate queries, never one per row. (The state page seen
	 * self-reported by signed-in staff runs 13: the session's user check, the demo-data check, the cycles, the
	 * stakeholder, its endorsements and capacities, the catalogue, validated and self-reported figures, the change.)
	 * What matters is the comparison below: the count does not grow with the data.
	 */
	private static final long MAX_STATEMENTS = 14;

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
		// another cycle than the current one, as published; an earlier publication of it
		String earlier = "?cycle=2019&publication=" + this.firstPublication;
		for (String page : new String[] { "/", "/areas/POL", "/commitments/POL-1", "/stakeholders/PAK",
				"/organizations/EU", "/stakeholders", "/endorsements" }) {
			counts.put(page + "?cycle=2019", count(null, page + "?cycle=2019"));
		}
		for (String page : new String[] { "/", "/areas/POL", "/commitments/POL-1", "/stakeholders/PAK" }) {
			counts.put(page + earlier, count(null, page + earlier));
		}
		// self-reported beside validated
		counts.put("area page self-reported", count(staff, "/areas/POL?view=self-reported"));
		counts.put("commitment page self-reported", count(staff, "/commitments/POL-1?view=self-reported"));
		counts.put("state page self-reported", count(staff, "/stakeholders/PAK?view=self-reported"));
		counts.put("state page self-reported, its delegate", count(pak, "/stakeholders/PAK?view=self-reported"));
		counts.put("commitment page self-reported, delegate", count(pak, "/commitments/POL-1?view=self-reported"));
		return counts;
	}

	private long count(PortalUser user, String uri) {
		SqlStatementCounter.reset();
		MvcTestResult result = (user != null) ? this.t.get(user, uri)
				: this.mvc.get().uri(uri).header("Accept-Language", "en").exchange();
		// the session store's statements (Spring Session JDBC: a signed-in request's session written or touched)
		// come with any request, not with the page
		long count = SqlStatementCounter.count() - SqlStatementCounter.statements()
			.stream()
			.filter((sql) -> sql.toUpperCase(Locale.ROOT).contains("SPRING_SESSION"))
			.count();
		assertThat(result).as(uri).hasStatus(200);
		assertThat(count).as(uri + ": " + SqlStatementCounter.statements()).isLessThanOrEqualTo(MAX_STATEMENTS);
		return count;
	}

	/** The first publication of the closed cycle 2019 (in force at first, superseded once it is published again). */
	long firstPublication;

	@Test
	void pagesRunAFixedNumberOfStatementsWhateverTheNumberOfEntries() {
		this.t.save(this.t.delegateOf("PAK"), "PAK", "POL-1", "LIMITED", "One.", null, "A", "https://example.org/a");
		this.t.submit(this.t.delegateOf("PAK"), "PAK", "POL-1");
		// an older, closed cycle, published (its pages are read from the publication; for the timelines, the
		// change since the previous cycle and ?cycle=)
		this.jdbc.sql("""
				insert into reporting_cycle (code, period_start, period_end, opens_on, deadline, state)
				values ('2019', date '2019-01-01', date '2019-12-31', date '2019-01-01', date '2019-12-31', 'CLOSED')
				""").update();
		this.firstPublication = this.jdbc.sql("select publish_cycle(id, now(), 'test', null) from reporting_cycle "
				+ "where code = '2019'").query(Long.class).single();
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
		// more endorsements and capacities (the overview's filters)
		this.jdbc.sql("""
				insert into endorsement (stakeholder_id, endorsed_on, source)
				select s.id, date '2018-10-01', 'test' from stakeholder s
				where s.kind = 'MEMBER_STATE' and not exists (select 1 from endorsement e where e.stakeholder_id = s.id)
				""").update();
		this.jdbc.sql("""
				insert into capacity_assignment (stakeholder_id, capacity, starts_on)
				select s.id, 'TPCC', date '2010-01-01' from stakeholder s where s.kind = 'MEMBER_STATE' and s.code < 'M'
				""").update();
		// and the older, closed cycle with entries of its own (for the timeline across cycles), validated with a
		// narrative and links, and published again: its first publication is now an earlier one
		this.jdbc.sql("""
				insert into progress_entry (commitment_id, stakeholder_id, cycle_id, status, workflow_state,
				                            published_status, published_at)
				select ap.commitment_id, ap.stakeholder_id, ap.cycle_id, 'COMPLETE', 'VALIDATED', 'COMPLETE', now()
				from applicable_pair ap join reporting_cycle rc on rc.id = ap.cycle_id where rc.code = '2019'
				""").update();
		this.jdbc.sql("""
				insert into progress_entry_revision (entry_id, revision, action, actor, entry_version, status,
				       workflow_state, narrative, entered_by_secretariat, published_status, evidence)
				select pe.id, 1, 'VALIDATED', 'someone', 1, 'COMPLETE', 'VALIDATED', 'Done in 2019.', false, 'COMPLETE',
				       cast('[{"title":"t","url":"https://example.org/2019"}]' as jsonb)
				from progress_entry pe join reporting_cycle rc on rc.id = pe.cycle_id where rc.code = '2019'
				""").update();
		this.jdbc.sql("select publish_cycle(id, now(), 'test', 'again') from reporting_cycle where code = '2019'")
			.query(Long.class).single();
		assertThat(this.t.count("select count(*) from progress_entry")).isGreaterThan(200);

		Map<String, Long> many = statementsPerPage();
		assertThat(many).isEqualTo(few);
	}

}
