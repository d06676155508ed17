package org.a4p.portal.demo;

import java.util.List;
import java.util.Map;

import org.a4p.portal.support.PortalTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Every test runs in a transaction that is rolled back: nothing is left in the shared database. */
@PortalTest
@Transactional
class DemoDataGeneratorTest {

	/** Every table the generator writes, with the rows of each. */
	private static final List<String> TABLES = List.of("endorsement", "capacity_assignment", "reporting_cycle",
			"progress_entry", "evidence_link", "progress_entry_revision");

	@Autowired
	DemoDataGenerator generator;

	@Autowired
	DemoDataQuery demoData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void fillsOnlyApplicablePairsAndMarksEverythingItCreatesAsDemo() {
		Map<String, Long> before = rowCounts();
		DemoDataGenerator.Report report = this.generator.generate(DemoRequest.ofCycles(7, 1));

		assertThat(report.entries()).isEqualTo(count("select count(*) from progress_entry where demo")).isGreaterThan(1000);
		assertThat(count("select count(*) from progress_entry pe where not exists (select 1 from applicable_pair ap "
				+ "where ap.cycle_id = pe.cycle_id and ap.commitment_id = pe.commitment_id "
				+ "and ap.stakeholder_id = pe.stakeholder_id)")).as("entries outside the applicable pairs").isZero();
		// endorsements and capacities made in one statement each, from JSON: every one has its days, withdrawals some
		assertThat(count("select count(*) from endorsement where demo and endorsed_on is null")).isZero();
		assertThat(count("select count(*) from endorsement where demo and withdrawn_on is not null")).isPositive();
		assertThat(count("select count(*) from capacity_assignment where demo and ends_on is not null")).isPositive();
		// Everything new is marked demo; the real rows are untouched.
		for (String table : List.of("endorsement", "capacity_assignment", "reporting_cycle", "progress_entry")) {
			assertThat(count("select count(*) from " + table + " where not demo")).as(table).isEqualTo(before.get(table));
		}
		assertThat(count("select count(*) from evidence_link el join progress_entry pe on pe.id = el.entry_id "
				+ "where not pe.demo")).isZero();
		// Most Member States endorse; some capacities; one closed past cycle and the current open one used.
		assertThat(report.endorsements()).isEqualTo(count("select count(*) from endorsement where demo")).isBetween(130, 175);
		assertThat(count("select count(*) from capacity_assignment where demo and capacity = 'TPCC'")).isGreaterThan(80);
		assertThat(count("select count(*) from capacity_assignment where demo and capacity = 'HOST_STATE'")).isGreaterThan(3);
		assertThat(count("select count(*) from reporting_cycle where demo and state = 'CLOSED'")).isEqualTo(1);
		// the closed cycle is published, as closing it through the portal would, with every applicable pair
		assertThat(count("select count(*) from publication p join reporting_cycle rc on rc.id = p.cycle_id "
				+ "where rc.demo and p.superseded_at is null")).isEqualTo(1);
		assertThat(count("select count(*) from published_pair pp join publication p on p.id = pp.publication_id "
				+ "join reporting_cycle rc on rc.id = p.cycle_id where rc.demo")).isEqualTo(count(
						"select count(*) from applicable_pair ap join reporting_cycle rc on rc.id = ap.cycle_id "
								+ "where rc.demo and rc.state = 'CLOSED'"));
		assertThat(count("select count(*) from progress_entry pe join reporting_cycle rc on rc.id = pe.cycle_id "
				+ "where rc.state = 'OPEN' and not rc.demo")).isGreaterThan(500);
		// A realistic mix of workflow states and statuses, published where validated.
		assertThat(this.jdbc.sql("select distinct workflow_state from progress_entry where demo").query(String.class).set())
			.containsExactlyInAnyOrder("DRAFT", "SUBMITTED", "VALIDATED", "RETURNED");
		assertThat(this.jdbc.sql("select distinct status from progress_entry where demo").query(String.class).set())
			.containsExactlyInAnyOrder("NOT_STARTED", "LIMITED", "SUBSTANTIAL", "COMPLETE", "NOT_APPLICABLE");
		assertThat(count("select count(*) from progress_entry where demo and workflow_state = 'VALIDATED' "
				+ "and (published_status is distinct from status or published_at is null)")).isZero();
		assertThat(count("select count(*) from progress_entry where demo and workflow_state = 'RETURNED' "
				+ "and review_comment is null")).isZero();
		assertThat(count("select count(*) from progress_entry where demo and narrative = ''")).isZero();
		assertThat(count("select count(*) from progress_entry where demo and not (created_at <= updated_at "
				+ "and updated_at <= now())")).isZero();
		assertThat(count("select count(*) from evidence_link")).isGreaterThan(report.entries() / 4);
		assertThat(count("select count(*) from progress_entry where demo and narrative like '%中国%'")).isPositive();
	}

	@Test
	void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
		this.generator.generate(DemoRequest.ofCycles(11, 1));
		List<String> first = snapshot();
		this.generator.remove();
		this.generator.generate(DemoRequest.ofCycles(11, 1));
		assertThat(snapshot()).isEqualTo(first);
		this.generator.replace(DemoRequest.ofCycles(12, 1));
		assertThat(snapshot()).isNotEqualTo(first);
	}

	@Test
	void theBannerShowsWhileDemoDataIsPresentAndRemovalRestoresACleanState() throws Exception {
		Map<String, Long> before = rowCounts();
		assertThat(page("/").select(".demo-banner")).isEmpty();

		this.generator.generate(DemoRequest.ofCycles(5, 2));
		assertThat(this.demoData.present()).isTrue();
		Document withDemo = page("/");
		assertThat(withDemo.select(".demo-banner").text()).contains("Demonstration data");
		assertThat(withDemo.select("table.figures-table tbody tr").first().select("td.num").last().text())
			.as("reporting compliance in Politics").isNotEqualTo("0%");

		DemoDataGenerator.Removal removal = this.generator.remove();
		assertThat(removal.cycles()).isEqualTo(2);
		assertThat(this.demoData.present()).isFalse();
		assertThat(rowCounts()).isEqualTo(before);
		assertThat(page("/").select(".demo-banner")).isEmpty();
	}

	@Test
	void refusesToAddToDemoDataAlreadyPresentButReplacesItWhenAsked() {
		this.generator.generate(DemoRequest.ofCycles(3, 0));
		long entries = count("select count(*) from progress_entry where demo");
		assertThat(entries).isPositive();
		assertThatExceptionOfType(DemoDataPresentException.class)
			.isThrownBy(() -> this.generator.generate(DemoRequest.ofCycles(3, 0)))
			.withMessageContaining("--portal.demo.action=replace");
		this.generator.replace(DemoRequest.ofCycles(3, 0));
		assertThat(count("select count(*) from progress_entry where demo")).isEqualTo(entries);
	}

	@Test
	void makesExactlyTheNumberOfEntriesAskedForAddingPastCyclesAsNeeded() {
		DemoDataGenerator.Report small = this.generator.generate(DemoRequest.ofEntries(1, 300));
		assertThat(count("select count(*) from progress_entry where demo")).isEqualTo(300).isEqualTo(small.entries());
		assertThat(small.pastCycles()).isZero();
		assertThat(count("select count(*) from reporting_cycle where demo")).isZero();

		DemoDataGenerator.Report larger = this.generator.replace(DemoRequest.ofEntries(1, 12_000));
		assertThat(count("select count(*) from progress_entry where demo")).isEqualTo(12_000);
		assertThat(larger.pastCycles()).isGreaterThanOrEqualTo(3)
			.isEqualTo((int) count("select count(*) from reporting_cycle where demo"));
		assertThat(count("select count(*) from reporting_cycle rc where rc.demo and not exists "
				+ "(select 1 from progress_entry pe where pe.cycle_id = rc.id)")).as("empty demo cycles").isZero();
	}

	@Test
	void moreCyclesThanYearsSince2019AreShorterPeriodsThatDoNotOverlap() {
		this.generator.generate(DemoRequest.ofCycles(2, 8));
		List<Map<String, Object>> cycles = this.jdbc.sql("select code, period_start, period_end from reporting_cycle "
				+ "where demo order by period_start").query().listOfRows();
		assertThat(cycles).hasSize(8);
		assertThat(cycles.get(0).get("code")).isEqualTo("DEMO-2019-01-01");
		assertThat(count("select count(*) from reporting_cycle a join reporting_cycle b on a.id < b.id "
				+ "and a.period_start <= b.period_end and b.period_start <= a.period_end")).as("overlapping cycles").isZero();
	}

	@Test
	void theCommandDoesNothingWithoutAnAction() {
		new DemoCommand(new DemoProperties(null, 42, 3, null, false), this.generator, null, null, null).perform();
		assertThat(this.demoData.present()).isFalse();
		new DemoCommand(new DemoProperties(DemoAction.GENERATE, 42, 0, null, false), this.generator, null, null, null).perform();
		assertThat(this.demoData.present()).isTrue();
		new DemoCommand(new DemoProperties(DemoAction.REMOVE, 42, 0, null, false), this.generator, null, null, null).perform();
		assertThat(this.demoData.present()).isFalse();
	}

	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		for (String table : TABLES) {
			counts.put(table, count("select count(*) from " + table));
		}
		return counts;
	}

	/** The demo rows by their natural keys (ids and timestamps of insertion differ between runs). */
	private List<String> snapshot() {
		return this.jdbc.sql("""
				select rc.code || '|' || c.code || '|' || s.code || '|' || pe.status || '|' || pe.workflow_state || '|'
				       || coalesce(pe.published_status, '-') || '|' || coalesce(pe.published_at::text, '-') || '|'
				       || pe.created_at::text || '|' || pe.narrative || '|' || coalesce(pe.review_comment, '-') || '|'
				       || coalesce((select string_agg(el.url || ' ' || el.title, ', ' order by el.position)
				                    from evidence_link el where el.entry_id = pe.id), '-') || '|'
				       || (select string_agg(r.revision || ' ' || r.action || ' ' || r.actor || ' ' || r.occurred_at::text
				                             || ' ' || r.evidence::text, ', ' order by r.revision)
				           from progress_entry_revision r where r.entry_id = pe.id)
				from progress_entry pe
				join reporting_cycle rc on rc.id = pe.cycle_id
				join commitment c on c.id = pe.commitment_id
				join stakeholder s on s.id = pe.stakeholder_id
				where pe.demo
				union all
				select 'endorsement|' || s.code || '|' || e.endorsed_on || '|' || coalesce(e.withdrawn_on::text, '-')
				from endorsement e join stakeholder s on s.id = e.stakeholder_id where e.demo
				union all
				select 'capacity|' || s.code || '|' || ca.capacity || '|' || ca.starts_on || '|' || coalesce(ca.ends_on::text, '-')
				from capacity_assignment ca join stakeholder s on s.id = ca.stakeholder_id where ca.demo
				order by 1""").query(String.class).list();
	}

	private Document page(String path) throws Exception {
		MvcTestResult result = this.mvc.get().uri(path).header("Accept-Language", "en").exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

}
