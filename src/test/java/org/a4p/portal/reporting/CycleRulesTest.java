package org.a4p.portal.reporting;

import java.util.List;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.progress.Basis;
import org.a4p.portal.progress.FiguresQuery.CycleFigures;
import org.a4p.portal.progress.FiguresQuery;
import org.a4p.portal.progress.Status;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.EntryTestSupport.page;
import static org.assertj.core.api.Assertions.assertThat;

/** Cycles: the open one is the default; past the deadline entries are overdue; a closed cycle is read-only. */
@PortalTest
@Transactional
class CycleRulesTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiguresQuery figures;

	EntryTestSupport t;

	PortalUser pak;

	@BeforeEach
	void setUp() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		this.pak = this.t.delegateOf("PAK");
	}

	private void cycle(String code, String state) {
		this.jdbc.sql("insert into reporting_cycle (code, period_start, period_end, opens_on, deadline, state) "
				+ "values (?, cast(? as date), cast(? as date), cast(? as date), cast(? as date), ?)")
			.params(code, code + "-01-01", code + "-12-31", code + "-01-01", code + "-12-31", state)
			.update();
	}

	private void validatedEntry(String cycle, String stakeholder, String commitment, String status) {
		this.jdbc.sql("""
				insert into progress_entry (cycle_id, stakeholder_id, commitment_id, status, workflow_state, narrative,
				                            published_status, published_at)
				select rc.id, s.id, c.id, ?, 'VALIDATED', 'Reported in ' || rc.code, ?, now()
				from reporting_cycle rc, stakeholder s, commitment c where rc.code = ? and s.code = ? and c.code = ?
				""").params(status, status, cycle, stakeholder, commitment).update();
	}

	@Test
	void aClosedCycleIsReadOnlyWithAClearMessage() {
		cycle("2019", "CLOSED");
		validatedEntry("2019", "PAK", "POL-1", "LIMITED");
		String path = EntryTestSupport.path("2019", "PAK", "POL-1");

		Document doc = page(this.t.get(this.pak, path));
		assertThat(doc.text()).contains("Reporting cycle 2019 is closed: its entries are read-only.")
			.contains("Reported in 2019");
		assertThat(doc.select("form.entry-form, form[action$=/submit], form[action*=/review/]")).isEmpty();

		MvcTestResult save = this.t.post(this.pak, path).param("status", "COMPLETE").param("narrative", "Late.")
			.param("version", "0").exchange();
		assertThat(save).hasStatus(409);
		assertThat(page(save).select("main p.lead").text()).contains("Reporting cycle 2019 is closed");
		assertThat(this.t.post(this.pak, path + "/submit").param("status", "COMPLETE").param("narrative", "Late.")
			.param("version", "0").exchange()).hasStatus(409);
		// refused for the closed cycle before the form is checked
		assertThat(this.t.post(this.pak, path + "/submit").exchange()).hasStatus(409);
		assertThat(this.t.post(this.t.secretariat(), EntryTestSupport.reviewPath("2019", "PAK", "POL-1", "validate"))
			.param("version", "0").exchange()).hasStatus(409);
		assertThat(this.t.post(this.t.secretariat(), EntryTestSupport.path("2019", "PAK", "POL-2"))
			.param("status", "COMPLETE").exchange()).hasStatus(409);
		assertThat(this.t.count("select count(*) from progress_entry pe join reporting_cycle rc on rc.id = pe.cycle_id "
				+ "where rc.code = '2019' and pe.status = 'LIMITED' and pe.narrative = 'Reported in 2019'")).isEqualTo(1);
		assertThat(this.t.count("select count(*) from progress_entry pe join reporting_cycle rc on rc.id = pe.cycle_id "
				+ "where rc.code = '2019'")).isEqualTo(1);
	}

	@Test
	void theOpenCycleIsTheDefaultAndAnotherCanBeChosen() {
		cycle("2019", "CLOSED");
		validatedEntry("2019", "PAK", "POL-1", "LIMITED");
		Document current = page(this.t.get(this.pak, "/entries"));
		assertThat(current.select(".my-entries-table caption").text()).endsWith(this.t.cycle);
		assertThat(current.select("#cycle option[selected]").val()).isEqualTo(this.t.cycle);
		Document old = page(this.t.get(this.pak, "/entries?cycle=2019"));
		assertThat(old.select(".my-entries").text()).contains("closed: read-only").contains("1 validated");
		assertThat(this.t.get(this.pak, "/entries?cycle=1990")).hasStatus(404);
	}

	@Test
	void pastTheDeadlineWhatIsNotSubmittedIsOverdue() {
		cycle("2020", "OPEN");
		long pairs = this.t.count("select count(*) from applicable_pair ap join reporting_cycle rc on rc.id = ap.cycle_id "
				+ "join stakeholder s on s.id = ap.stakeholder_id where rc.code = '2020' and s.code = 'PAK'");
		Document before = page(this.t.get(this.pak, "/entries?cycle=2020"));
		assertThat(before.select(".my-entries").text()).contains("deadline passed").contains(pairs + " overdue");

		String path = EntryTestSupport.path("2020", "PAK", "POL-1");
		EntryTestSupport.expectRedirect(this.t.post(this.pak, path).param("status", "LIMITED").param("narrative", "Late")
			.exchange());
		assertThat(page(this.t.get(this.pak, path)).text()).contains("Overdue.");
		long version = this.t.count("select pe.version from progress_entry pe join reporting_cycle rc "
				+ "on rc.id = pe.cycle_id where rc.code = '2020'");
		EntryTestSupport.expectRedirect(this.t.post(this.pak, path + "/submit").param("status", "LIMITED")
			.param("narrative", "Late").param("version", String.valueOf(version)).exchange());
		assertThat(page(this.t.get(this.pak, path)).text()).doesNotContain("Overdue.");
		assertThat(page(this.t.get(this.pak, "/entries?cycle=2020")).select(".my-entries").text())
			.contains((pairs - 1) + " overdue");
		// the current cycle's deadline has not passed: nothing is overdue there
		assertThat(page(this.t.get(this.pak, "/entries")).select(".my-entries").text()).doesNotContain("overdue");
	}

	@Test
	void statusAcrossCyclesForAPairACommitmentAndAState() {
		cycle("2019", "CLOSED");
		validatedEntry("2019", "PAK", "POL-1", "COMPLETE");
		this.t.publish("PAK", "POL-1", "LIMITED");

		List<CycleFigures> pair = this.figures.acrossCycles(Basis.PUBLISHED,
				new FiguresQuery.Filter(null, "POL-1", "PAK", null));
		assertThat(pair).extracting(CycleFigures::cycleCode).containsExactly("2019", this.t.cycle);
		assertThat(pair).extracting(CycleFigures::singleStatus).containsExactly(Status.COMPLETE, Status.LIMITED);

		List<CycleFigures> commitment = this.figures.acrossCycles(Basis.PUBLISHED, FiguresQuery.Filter.commitment("POL-1"));
		// POL-1 is collective: the Secretariat, three states and four organizations endorsed before 2019
		assertThat(commitment.get(0).distribution().applicable()).isEqualTo(8);
		assertThat(commitment.get(0).distribution().count(Status.COMPLETE)).isEqualTo(1);
		assertThat(commitment.get(0).distribution().count(Status.NO_EVIDENCE)).isEqualTo(7);
		assertThat(commitment.get(0).singleStatus()).isNull();
		assertThat(commitment.get(1).distribution().count(Status.LIMITED)).isEqualTo(1);

		List<CycleFigures> state = this.figures.acrossCycles(Basis.PUBLISHED, FiguresQuery.Filter.stakeholder("PAK"));
		assertThat(state).hasSize(2);

		Document doc = page(this.t.get(this.pak, this.t.path("PAK", "POL-1")));
		assertThat(doc.select("table.timeline-table tbody th").eachText()).containsExactly("2019", this.t.cycle + " open");
		assertThat(doc.select("table.timeline-table tbody td:last-child").eachText()).containsExactly("Complete",
				"Limited");
		assertThat(doc.select("table.timeline-table svg.status-bar")).hasSize(2);
	}

	@Test
	void timelinesShowTheTenMostRecentCyclesAndSaySo() {
		for (int year = 2010; year <= 2020; year++) {
			cycle(String.valueOf(year), "CLOSED");
		}
		// the Secretariat's commitments apply in every cycle
		List<CycleFigures> secretariat = this.figures.acrossCycles(Basis.PUBLISHED,
				FiguresQuery.Filter.stakeholder("SECRETARIAT"));
		assertThat(secretariat).hasSize(FiguresQuery.TIMELINE_CYCLES);
		// oldest first; 2010 and 2011 are the two oldest of twelve cycles and drop out
		assertThat(secretariat).extracting(CycleFigures::cycleCode)
			.startsWith("2012", "2013")
			.doesNotContain("2010", "2011")
			.endsWith(this.t.cycle);

		Document doc = page(this.t.get(this.pak, "/commitments/POL-6"));
		assertThat(doc.select("table.timeline-table tbody th")).hasSize(FiguresQuery.TIMELINE_CYCLES);
		assertThat(doc.select("table.timeline-table caption .timeline-latest").text())
			.isEqualTo("(the 10 most recent reporting cycles)");
	}

}
