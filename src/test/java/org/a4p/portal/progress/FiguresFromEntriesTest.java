package org.a4p.portal.progress;

import java.util.List;

import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.EntryTestSupport.page;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures come from real entries: validated ones change what the public sees, drafts and submissions
 * do not; on a small fixture the figures equal distributions computed by hand, NOT_APPLICABLE
 * leaving the denominator.
 */
@PortalTest
@Transactional
class FiguresFromEntriesTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiguresQuery figures;

	EntryTestSupport t;

	long cycleId;

	@BeforeEach
	void setUp() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		this.cycleId = this.t.count("select id from reporting_cycle where code = ?", this.t.cycle);
	}

	/** Cells of the dashboard's Politics row: Complete, Substantial, Limited, Not started, No evidence, N/A, counted, compliance. */
	private List<String> politicsRow(Document doc) {
		return doc.select("table.figures-table tbody tr").first().select("td.num").eachText();
	}

	private Document dashboard() {
		return page(this.mvc.get().uri("/").header("Accept-Language", "en").exchange());
	}

	@Test
	void aValidatedEntryChangesThePublicFigures() {
		assertThat(politicsRow(dashboard())).containsExactly("0", "0", "0", "0", "34", "0", "34", "0%");
		this.t.publish("PAK", "POL-1", "COMPLETE");
		assertThat(politicsRow(dashboard())).containsExactly("1", "0", "0", "0", "33", "0", "34", "2.9%");
	}

	@Test
	void draftsAndSubmissionsDoNotChangeThePublicFigures() {
		this.t.save(this.t.delegateOf("PAK"), "PAK", "POL-1", "COMPLETE", "Draft only.", null);
		this.t.save(this.t.delegateOf("PHL"), "PHL", "POL-1", "SUBSTANTIAL", "Submitted.", null);
		this.t.submit(this.t.delegateOf("PHL"), "PHL", "POL-1");
		// statuses unchanged; reporting compliance counts the submission (not the draft), as the method says
		assertThat(politicsRow(dashboard())).containsExactly("0", "0", "0", "0", "34", "0", "34", "2.9%");
		// ... and the Secretariat's self-reported view counts the submission (not the draft)
		Document selfReported = page(this.t.get(this.t.secretariat(), "/?view=self-reported"));
		assertThat(selfReported.select(".self-reported-notice")).hasSize(1);
		assertThat(selfReported.select("table.figures-table caption").text()).contains("Self-reported");
		assertThat(politicsRow(selfReported)).containsExactly("0", "1", "0", "0", "33", "0", "34", "2.9%");
	}

	@Test
	void anEditAfterValidationLeavesThePublishedValueCounted() {
		this.t.publish("PAK", "POL-1", "LIMITED");
		this.t.save(this.t.delegateOf("PAK"), "PAK", "POL-1", "COMPLETE", "Better now.", this.t.version("PAK", "POL-1"));
		assertThat(politicsRow(dashboard())).containsExactly("0", "0", "1", "0", "33", "0", "34", "2.9%");
	}

	@Test
	void anonymousVisitorsAskingForSelfReportedFiguresGetThePublicOnes() {
		this.t.save(this.t.delegateOf("PHL"), "PHL", "POL-1", "SUBSTANTIAL", "Submitted.", null);
		this.t.submit(this.t.delegateOf("PHL"), "PHL", "POL-1");
		Document doc = page(this.mvc.get().uri("/?view=self-reported").header("Accept-Language", "en").exchange());
		assertThat(doc.select(".self-reported-notice, .view-switch")).isEmpty();
		assertThat(politicsRow(doc)).containsExactly("0", "0", "0", "0", "34", "0", "34", "2.9%");
		// an administrator may switch, and sees the submission
		Document admin = page(this.t.get(this.t.admin(), "/?view=self-reported"));
		assertThat(admin.select(".view-switch a[aria-current=page]").text()).isEqualTo("Self-reported");
		assertThat(politicsRow(admin).get(1)).isEqualTo("1");
	}

	/**
	 * Politics in the cycle: 34 applicable pairs (4 collective commitments x 8 endorsers, POL-6 for
	 * the Secretariat, POL-5 for Pakistan). Validated: PAK POL-1 Complete, PAK POL-2 Substantial, PHL
	 * POL-1 Limited, EU POL-1 Not started, Secretariat POL-6 Not applicable. Submitted only: PHL POL-2
	 * Limited. Draft only: POL (Poland) POL-3 Complete.
	 */
	private void fixture() {
		this.t.publish("PAK", "POL-1", "COMPLETE");
		this.t.publish("PAK", "POL-2", "SUBSTANTIAL");
		this.t.publish("PHL", "POL-1", "LIMITED");
		this.t.publish("EU", "POL-1", "NOT_STARTED");
		this.t.publish("SECRETARIAT", "POL-6", "NOT_APPLICABLE");
		this.t.save(this.t.delegateOf("PHL"), "PHL", "POL-2", "LIMITED", "Submitted.", null);
		this.t.submit(this.t.delegateOf("PHL"), "PHL", "POL-2");
		this.t.save(this.t.delegateOf("POL"), "POL", "POL-3", "COMPLETE", "Draft.", null);
	}

	@Test
	void dashboardFiguresEqualTheHandComputedDistribution() {
		fixture();
		// 5 validated + 1 submitted = 6 reported of 34 = 17.6%; denominator 34 - 1 not applicable = 33
		assertThat(politicsRow(dashboard())).containsExactly("1", "1", "1", "1", "29", "1", "33", "17.6%");

		StatusDistribution area = this.figures.total(this.cycleId, Basis.PUBLISHED, FiguresQuery.Filter.area("POL"));
		assertThat(area.count(Status.NO_EVIDENCE)).isEqualTo(29);
		assertThat(area.count(Status.NOT_APPLICABLE)).isEqualTo(1);
		assertThat(area.denominator()).isEqualTo(33);
		assertThat(area.reported()).isEqualTo(6);
		assertThat(area.percent(Status.COMPLETE)).isEqualByComparingTo("3.0");
		assertThat(area.substantialOrCompletePercent()).isEqualByComparingTo("6.1");

		StatusDistribution selfReported = this.figures.total(this.cycleId, Basis.SELF_REPORTED,
				FiguresQuery.Filter.area("POL"));
		assertThat(selfReported.count(Status.LIMITED)).isEqualTo(2);
		assertThat(selfReported.count(Status.COMPLETE)).isEqualTo(1);
		assertThat(selfReported.count(Status.NO_EVIDENCE)).isEqualTo(28);
	}

	@Test
	void stateAndSecretariatFiguresEqualTheHandComputedDistribution() {
		fixture();
		long pakPairs = this.t.count("select count(*) from applicable_pair ap join stakeholder s "
				+ "on s.id = ap.stakeholder_id where s.code = 'PAK' and ap.cycle_id = ?", this.cycleId);
		StatusDistribution pak = this.figures.total(this.cycleId, Basis.PUBLISHED, FiguresQuery.Filter.stakeholder("PAK"));
		assertThat(pak.applicable()).isEqualTo(pakPairs);
		assertThat(pak.count(Status.COMPLETE)).isEqualTo(1);
		assertThat(pak.count(Status.SUBSTANTIAL)).isEqualTo(1);
		assertThat(pak.count(Status.NO_EVIDENCE)).isEqualTo(pakPairs - 2);
		assertThat(pak.denominator()).isEqualTo(pakPairs);

		StatusDistribution secretariat = this.figures.total(this.cycleId, Basis.PUBLISHED,
				FiguresQuery.Filter.stakeholder("SECRETARIAT"));
		long secretariatPairs = this.t.count("select count(*) from applicable_pair ap join stakeholder s "
				+ "on s.id = ap.stakeholder_id where s.code = 'SECRETARIAT' and ap.cycle_id = ?", this.cycleId);
		assertThat(secretariat.count(Status.NOT_APPLICABLE)).isEqualTo(1);
		assertThat(secretariat.denominator()).isEqualTo(secretariatPairs - 1);
		assertThat(secretariat.percent(Status.NOT_APPLICABLE)).isEqualByComparingTo(
				java.math.BigDecimal.valueOf(100.0 / secretariatPairs).setScale(1, java.math.RoundingMode.HALF_UP));

		StatusDistribution phl = this.figures.total(this.cycleId, Basis.PUBLISHED, FiguresQuery.Filter.stakeholder("PHL"));
		assertThat(phl.count(Status.LIMITED)).isEqualTo(1);
		assertThat(phl.reported()).isEqualTo(2);

		StatusDistribution poland = this.figures.total(this.cycleId, Basis.SELF_REPORTED,
				FiguresQuery.Filter.stakeholder("POL"));
		assertThat(poland.count(Status.COMPLETE)).as("a draft is never counted, even self-reported").isZero();
		assertThat(poland.reported()).isZero();
	}

}
