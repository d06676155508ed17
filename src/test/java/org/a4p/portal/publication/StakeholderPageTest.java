package org.a4p.portal.publication;

import java.time.LocalDate;

import org.a4p.portal.progress.Status;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.PublishedEntries;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class StakeholderPageTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private LocalDate cycleStart() {
		return this.jdbc.sql("select period_start from reporting_cycle order by (state = 'OPEN') desc, period_start desc, id desc limit 1")
			.query(LocalDate.class)
			.single();
	}

	@Test
	void pakistanShowsItsEndorsementItsCouncilSeatAndWhatApplies() {
		Document doc = Html.get(this.mvc, "/stakeholders/PAK", "en");
		assertThat(doc.select("h1").text()).isEqualTo("Pakistan");
		assertThat(doc.select(".endorsement-date").text()).isEqualTo("17 August 2018");
		assertThat(doc.select(".endorsement-note").text()).isEqualTo("first endorser, the day after circulation");
		assertThat(doc.select(".endorsement-withdrawn").text()).isEqualTo("No");
		assertThat(doc.select(".capacities-table tbody tr[data-capacity=SECURITY_COUNCIL]").text())
			.contains("Member of the Security Council", "1 January 2025", "31 December 2026", "Yes");
		// 22 collective commitments and POL-5 for the Council seat, all without published evidence.
		assertThat(doc.select(".applicable-table tbody tr")).hasSize(23);
		assertThat(doc.select(".applicable-table tbody tr[data-code=POL-5]").text())
			.contains("Member States: Security Council", "No evidence");
		assertThat(doc.select(".applicable-table tbody tr[data-code=POL-6]")).isEmpty();
		assertThat(doc.select(".applicable .figure-value").first().text()).isEqualTo("23");
		assertThat(doc.select(".applicable .status-counts").text()).contains("No evidence 23 (100%)");
		assertThat(doc.select(".would-apply")).isEmpty();
		assertThat(doc.select(".not-endorsed")).isEmpty();
	}

	@Test
	void pakistanInChinese() {
		Document doc = Html.get(this.mvc, "/stakeholders/PAK", "zh");
		assertThat(doc.select("h1").text()).isEqualTo("巴基斯坦");
		assertThat(doc.select(".capacities-table tbody tr[data-capacity=SECURITY_COUNCIL] th").text()).isEqualTo("安全理事会成员");
		assertThat(doc.select(".applicable-table tbody tr[data-code=POL-5]").text()).contains("无证据");
	}

	@Test
	void franceHasNotEndorsedSoThePageSaysSoAndShowsWhatWouldApply() {
		Document doc = Html.get(this.mvc, "/stakeholders/FRA", "en");
		assertThat(doc.select(".not-endorsed").text())
			.isEqualTo("France has not endorsed the Declaration, according to the endorsements recorded in this portal.");
		assertThat(doc.select(".endorsement-record")).isEmpty();
		assertThat(doc.select(".applicable")).isEmpty();
		assertThat(doc.select(".capacities-table tbody tr[data-capacity=SECURITY_COUNCIL]").text())
			.contains("24 October 1945", "no end date", "Yes");
		assertThat(doc.select(".would-apply h2").text()).isEqualTo("What would apply if France endorsed");
		assertThat(doc.select(".would-apply-table tbody tr")).hasSize(23);
		assertThat(doc.select(".would-apply-table tbody tr[data-code=POL-5]")).hasSize(1);
		assertThat(doc.select(".would-apply-table tbody tr[data-code=POL-6]")).isEmpty();
		assertThat(doc.select(".would-apply-table tbody tr[data-code=PER-8]")).isEmpty();
	}

	@Test
	@Transactional
	void aStatesTimelineShowsTheValidatedStatusesOfEachCycleOnly() {
		PublishedEntries.closedCycle(this.jdbc, "2019");
		PublishedEntries.validatedIn(this.jdbc, "2019", "POL-1", "PAK", Status.COMPLETE);
		PublishedEntries.validated(this.jdbc, "POL-2", "PAK", Status.LIMITED);
		PublishedEntries.unpublished(this.jdbc, "POL-1", "PAK", Status.SUBSTANTIAL, "SUBMITTED");
		PublishedEntries.unpublished(this.jdbc, "POL-3", "PAK", Status.COMPLETE, "DRAFT");

		Document doc = Html.get(this.mvc, "/stakeholders/PAK", "en");
		assertThat(doc.select(".timeline caption").text())
			.isEqualTo("Validated status of the commitments that apply to Pakistan, by reporting cycle");
		Elements rows = doc.select(".timeline table.timeline-table tbody tr");
		assertThat(rows.select("th").eachText()).containsExactly("2019", currentCycle() + " open");
		// 2019: the 22 collective commitments (the Council seat starts in 2025), one validated Complete
		assertThat(rows.get(0).select("td").last().text()).startsWith("1 of 22 Substantial or Complete")
			.endsWith("21 with no evidence");
		// now: 23 apply; one validated Limited; the submitted Substantial and the draft Complete do not count
		assertThat(rows.get(1).select("td").last().text()).startsWith("0 of 23 Substantial or Complete")
			.endsWith("22 with no evidence");
	}

	@Test
	void organizationsAndTheSecretariatHaveATimelineAndAStateThatNeverEndorsedHasNone() {
		for (String path : java.util.List.of("/organizations/EU", "/stakeholders/secretariat")) {
			Document doc = Html.get(this.mvc, path, "en");
			assertThat(doc.select(".timeline table.timeline-table tbody th").eachText()).as(path)
				.containsExactly(currentCycle() + " open");
		}
		assertThat(Html.get(this.mvc, "/stakeholders/FRA", "en").select(".timeline")).isEmpty();
	}

	@Test
	void franceInChinese() {
		Document doc = Html.get(this.mvc, "/stakeholders/FRA?lang=zh", "en");
		assertThat(doc.select(".not-endorsed").text()).isEqualTo("根据本门户记录的核准情况，法国尚未核准《宣言》。");
		assertThat(doc.select(".would-apply h2").text()).isEqualTo("如果法国核准《宣言》，将适用哪些承诺");
	}

	@Test
	void aStateWithNoCapacityWouldHaveOnlyTheCollectiveCommitments() {
		Document doc = Html.get(this.mvc, "/stakeholders/BRA", "en");
		assertThat(doc.select(".capacities").text()).contains("No capacity is recorded for Brazil.");
		assertThat(doc.select(".would-apply-table tbody tr")).hasSize(22);
	}

	@Test
	void theSecretariatNeedsNoEndorsementAndHasItsOwnAndTheCollectiveCommitments() {
		Document doc = Html.get(this.mvc, "/stakeholders/secretariat", "en");
		assertThat(doc.select("h1").text()).isEqualTo("United Nations Secretariat");
		assertThat(doc.select(".endorsement").text()).contains("The Secretariat does not endorse the Declaration");
		assertThat(doc.select(".capacities")).isEmpty();
		assertThat(doc.select(".applicable-table tbody tr")).hasSize(40);
		assertThat(doc.select(".applicable-table tbody tr[data-code=POL-6]")).hasSize(1);
		assertThat(doc.select(".applicable-table tbody tr[data-code=POL-5]")).isEmpty();
		assertThat(doc.select(".area-group h3 a").eachAttr("href")).containsExactly("/areas/POL", "/areas/WPS",
				"/areas/PRO", "/areas/SAF", "/areas/PER", "/areas/PBS", "/areas/PAR", "/areas/CON");
	}

	@Test
	void anOrganizationShowsAnEndorsementWithoutADateAndOnlyCollectiveCommitments() {
		Document doc = Html.get(this.mvc, "/organizations/EU", "en");
		assertThat(doc.select(".endorsement-date").text()).isEqualTo("date not recorded");
		assertThat(doc.select(".endorsement-source").text()).isEqualTo("A4P overview page");
		assertThat(doc.select(".applicable-table tbody tr")).hasSize(22);
		assertThat(doc.select(".applicable-table tbody tr td:nth-of-type(2)").eachText())
			.containsOnly("Collective (all endorsers)");
		Document zh = Html.get(this.mvc, "/organizations/EU", "zh");
		assertThat(zh.select(".endorsement-date").text()).isEqualTo("日期未记录");
	}

	@Test
	@Transactional
	void showsPublishedStatusesAndTheStakeholdersDistribution() {
		PublishedEntries.validated(this.jdbc, "POL-5", "PAK", Status.COMPLETE);
		PublishedEntries.unpublished(this.jdbc, "POL-1", "PAK", Status.COMPLETE, "SUBMITTED");
		Document doc = Html.get(this.mvc, "/stakeholders/PAK", "en");
		assertThat(doc.select(".applicable-table tbody tr[data-code=POL-5] td.status-cell").text()).isEqualTo("Complete");
		assertThat(doc.select(".applicable-table tbody tr[data-code=POL-1] td.status-cell").text()).isEqualTo("No evidence");
		assertThat(doc.select(".applicable .status-counts").text()).contains("Complete 1 (4.3%)");
	}

	@Test
	@Transactional
	void anEndorsementWithdrawnBeforeTheCycleIsShownAndNothingApplies() {
		LocalDate withdrawn = cycleStart().minusDays(1);
		this.jdbc.sql("update endorsement set withdrawn_on = ?, withdrawal_reason = 'Withdrawn by note verbale' "
				+ "where stakeholder_id = (select id from stakeholder where code = 'PHL')")
			.param(withdrawn)
			.update();
		Document doc = Html.get(this.mvc, "/stakeholders/PHL", "en");
		assertThat(doc.select(".endorsement-date").text()).isEqualTo("25 September 2018");
		assertThat(doc.select(".endorsement-withdrawn").text()).isEqualTo("On " + new org.a4p.portal.i18n.Formats(java.util.Locale.ENGLISH).date(withdrawn)
				+ ": Withdrawn by note verbale");
		assertThat(doc.select(".not-bound").text()).startsWith("No endorsement by Philippines was in force");
		assertThat(doc.select(".applicable")).isEmpty();
		assertThat(doc.select(".would-apply-table tbody tr")).hasSize(22);
	}

	@Test
	@Transactional
	void htmlTypedIntoANoteIsShownAsText() {
		this.jdbc.sql("update endorsement set note = '<script>alert(1)</script>' "
				+ "where stakeholder_id = (select id from stakeholder where code = 'POL')").update();
		Document doc = Html.get(this.mvc, "/stakeholders/POL", "en");
		assertThat(doc.select(".endorsement-note").text()).isEqualTo("<script>alert(1)</script>");
		assertThat(doc.select("script:not([src])")).as("no inline script").isEmpty();
	}

	private String currentCycle() {
		return this.jdbc.sql("select code from reporting_cycle order by (state = 'OPEN') desc, period_start desc, id desc limit 1")
			.query(String.class)
			.single();
	}

}
