package org.a4p.portal.publication;

import java.math.BigDecimal;

import org.a4p.portal.progress.Basis;
import org.a4p.portal.progress.FiguresQuery.Filter;
import org.a4p.portal.progress.FiguresQuery;
import org.a4p.portal.progress.Status;
import org.a4p.portal.progress.StatusDistribution;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.PublishedEntries;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cycle-to-cycle change: the share Substantial or Complete of each area (dashboard), each commitment and the area
 * (area page) and a stakeholder (its page) against the previous cycle by period, computed in SQL over what the
 * public sees; checked here against the two cycles' distributions counted apart.
 */
@PortalTest
@Transactional
class CycleChangeTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiguresQuery figures;

	long current;

	long previous;

	@BeforeEach
	void twoCycles() {
		this.current = this.jdbc.sql("select id from reporting_cycle where state = 'OPEN' order by period_start desc limit 1")
			.query(Long.class).single();
		// an older cycle first, which must not count: the previous cycle is the latest before the current one
		PublishedEntries.closedCycle(this.jdbc, "2018");
		PublishedEntries.validatedIn(this.jdbc, "2018", "POL-1", "PAK", Status.NOT_STARTED);
		PublishedEntries.closedCycle(this.jdbc, "2019");
		this.previous = this.jdbc.sql("select id from reporting_cycle where code = '2019'").query(Long.class).single();
		PublishedEntries.validatedIn(this.jdbc, "2019", "POL-1", "PAK", Status.COMPLETE);
		PublishedEntries.validatedIn(this.jdbc, "2019", "POL-2", "PAK", Status.SUBSTANTIAL);
		PublishedEntries.validatedIn(this.jdbc, "2019", "WPS-1", "PAK", Status.LIMITED);
		// in the current cycle, POL-1 stays Complete and one more state reaches Substantial on POL-2
		PublishedEntries.validated(this.jdbc, "POL-1", "PAK", Status.COMPLETE);
		PublishedEntries.validated(this.jdbc, "POL-2", "PHL", Status.SUBSTANTIAL);
		PublishedEntries.validated(this.jdbc, "WPS-1", "PAK", Status.COMPLETE);
	}

	private BigDecimal points(Filter filter) {
		StatusDistribution now = this.figures.total(this.current, Basis.PUBLISHED, filter);
		StatusDistribution before = this.figures.total(this.previous, Basis.PUBLISHED, filter);
		return now.substantialOrCompletePercent().subtract(before.substantialOrCompletePercent());
	}

	/** How the page words a move of these many points. */
	private static String moved(BigDecimal points) {
		return switch (points.signum()) {
			case 1 -> "up " + points.setScale(1) + " points";
			case -1 -> "down " + points.abs().setScale(1) + " points";
			default -> "unchanged";
		};
	}

	@Test
	void theDashboardShowsTheChangeOfEachAreaSinceThePreviousCycle() {
		Document page = Html.get(this.mvc, "/", "en");
		assertThat(page.select("table.figures-table thead th").last().text()).isEqualTo("Change since 2019");
		var politics = page.select("table.figures-table tbody tr").first().selectFirst(".change");
		BigDecimal expected = points(Filter.area("POL"));
		assertThat(new BigDecimal(politics.attr("data-points"))).isEqualByComparingTo(expected);
		assertThat(politics.text()).isEqualTo((expected.signum() > 0 ? "+" : expected.signum() < 0 ? "−" : "")
				+ expected.abs().setScale(1));
		assertThat(page.select(".change-since").text()).startsWith("Share Substantial or Complete: ")
			.contains("since reporting cycle 2019");
	}

	@Test
	void theAreaPageShowsTheChangeOfEachCommitmentAndOfTheArea() {
		Document page = Html.get(this.mvc, "/areas/POL", "en");
		var pol2 = page.selectFirst(".commitments-table tr:has(a[href=/commitments/POL-2]) .change");
		assertThat(new BigDecimal(pol2.attr("data-points"))).isEqualByComparingTo(points(Filter.commitment("POL-2")));
		BigDecimal area = points(Filter.area("POL"));
		assertThat(page.select("#total-heading ~ .change-since").text()).contains(moved(area));
	}

	@Test
	void theStakeholderPageSaysHowItsShareMoved() {
		BigDecimal expected = points(Filter.stakeholder("PAK"));
		Document page = Html.get(this.mvc, "/stakeholders/PAK", "en");
		String sentence = page.select(".applicable .change-since").text();
		assertThat(sentence).contains(moved(expected), "since reporting cycle 2019");
		// 2019 against 2018: Pakistan went from Not started on POL-1 to Complete
		Document in2019 = Html.get(this.mvc, "/stakeholders/PAK?cycle=2019", "en");
		assertThat(in2019.select(".applicable .change-since").text()).contains("up ", "since reporting cycle 2018");
	}

	@Test
	void theFirstCycleHasNothingToCompareWith() {
		Document page = Html.get(this.mvc, "/?cycle=2018", "en");
		assertThat(page.select(".change, .change-since, .change-explained")).isEmpty();
		assertThat(page.select("table.figures-table thead th").eachText()).noneMatch((h) -> h.startsWith("Change since"));
	}

}
