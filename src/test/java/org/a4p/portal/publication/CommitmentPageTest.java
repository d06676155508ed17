package org.a4p.portal.publication;

import org.a4p.portal.catalogue.CatalogueQueries;
import org.a4p.portal.catalogue.ReferenceCatalogue.CommitmentData;
import org.a4p.portal.catalogue.ReferenceCatalogue;
import org.a4p.portal.progress.Status;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.PublishedEntries;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class CommitmentPageTest {

	private static final ReferenceCatalogue REFERENCE = ReferenceCatalogue.fromClasspath();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CatalogueQueries catalogue;

	private static Element statusRow(Document doc, String stakeholder) {
		return doc.select("table.stakeholder-status-table tbody tr[data-code=" + stakeholder + "]").first();
	}

	@Test
	void aSecurityCouncilCommitmentAppliesToCouncilMembersThatEndorsed() {
		Document doc = Html.get(this.mvc, "/commitments/POL-5", "en");
		assertThat(doc.select("h1").text()).isEqualTo("Clear, sequenced, prioritized and achievable mandates");
		assertThat(doc.select(".commitment-text").text())
			.isEqualTo("Pursue clear, focused, sequenced, prioritized and achievable mandates, matched by appropriate resources.");
		assertThat(doc.select(".commitment-owner").text()).isEqualTo("Member States: Security Council");
		assertThat(doc.select(".commitment-source").text()).isEqualTo("secondary description");
		assertThat(doc.select(".commitment-version").text()).isEqualTo(this.catalogue.currentVersion().label());
		assertThat(doc.select(".owner-explained").text()).contains("as members of the Security Council");
		assertThat(doc.select(".applies-to").text()).contains("Security Council members that endorsed");
		assertThat(doc.select(".applies-count").text()).isEqualTo("In reporting cycle " + currentCycle()
				+ ", it applies to one stakeholder.");
		// Only Pakistan both endorsed and holds a Council seat; France, China... have seats but no endorsement here.
		assertThat(doc.select("table.stakeholder-status-table tbody tr").eachAttr("data-code")).containsExactly("PAK");
		assertThat(statusRow(doc, "PAK").select("td.status-cell").text()).isEqualTo("No evidence");
		assertThat(statusRow(doc, "PAK").select("a").attr("href")).isEqualTo("/stakeholders/PAK");
	}

	@Test
	void aCollectiveCommitmentFromTheOverviewPageAppliesToTheSecretariatAndEveryEndorser() {
		Document doc = Html.get(this.mvc, "/commitments/POL-1", "en");
		assertThat(doc.select(".commitment-source").text()).isEqualTo("A4P overview page");
		assertThat(doc.select(".commitment-provenance").text()).contains("working rendering");
		assertThat(doc.select(".applies-to").text()).contains("the Secretariat and every endorser");
		assertThat(doc.select("table.stakeholder-status-table tbody tr").eachAttr("data-code"))
			.containsExactly("SECRETARIAT", "PAK", "PHL", "POL", "AUC", "EU", "OIF", "NATO");
		assertThat(doc.select("table.stakeholder-status-table tbody td.status-cell").eachText()).containsOnly("No evidence");
		assertThat(doc.select("table.stakeholder-status-table tbody th a").eachAttr("href")).contains(
				"/stakeholders/secretariat", "/organizations/EU");
	}

	@Test
	void aSecretariatCommitmentAppliesToTheSecretariatAlone() {
		Document doc = Html.get(this.mvc, "/commitments/POL-6", "en");
		assertThat(doc.select(".applies-to").text()).isEqualTo("It applies to the Secretariat.");
		assertThat(doc.select("table.stakeholder-status-table tbody tr").eachAttr("data-code"))
			.containsExactly("SECRETARIAT");
	}

	@Test
	void theChineseTextOfEveryCommitmentIsTheCataloguesTextZh() {
		for (CommitmentData c : REFERENCE.commitments()) {
			Document doc = Html.get(this.mvc, "/commitments/" + c.code(), "zh");
			assertThat(doc.select("h1").text()).as(c.code()).isEqualTo(c.titleZh());
			assertThat(doc.select(".commitment-text").text()).as(c.code()).isEqualTo(c.textZh());
			assertThat(doc.select(".commitment-source").text()).as(c.code())
				.isEqualTo(c.source().equals("seed") ? "A4P 概览页" : "二手描述");
		}
	}

	@Test
	@Transactional
	void showsEachStakeholdersPublishedStatusAndNotDrafts() {
		PublishedEntries.validated(this.jdbc, "POL-1", "PAK", Status.SUBSTANTIAL);
		PublishedEntries.validated(this.jdbc, "POL-1", "SECRETARIAT", Status.NOT_APPLICABLE);
		PublishedEntries.unpublished(this.jdbc, "POL-1", "PHL", Status.COMPLETE, "DRAFT");
		Document doc = Html.get(this.mvc, "/commitments/POL-1", "en");
		assertThat(statusRow(doc, "PAK").select("td.status-cell").text()).isEqualTo("Substantial");
		assertThat(statusRow(doc, "SECRETARIAT").select("td.status-cell").text()).isEqualTo("Not applicable");
		assertThat(statusRow(doc, "PHL").select("td.status-cell").text()).isEqualTo("No evidence");
		// Not applicable leaves the denominator: 1 of 7 counted pairs is Substantial.
		assertThat(doc.select(".status-counts").text()).contains("Substantial 1 (14.3%)")
			.contains("No evidence 6 (85.7%)");
		assertThat(doc.select(".figure-value").eachText()).containsExactly("8", "14.3%", "25%");
	}

	@Test
	@Transactional
	void theTimelineShowsTheValidatedStatusesOfEachCycleOnly() {
		PublishedEntries.closedCycle(this.jdbc, "2019");
		PublishedEntries.validatedIn(this.jdbc, "2019", "POL-1", "PAK", Status.COMPLETE);
		PublishedEntries.validated(this.jdbc, "POL-1", "PHL", Status.LIMITED);
		// a submission and a draft of the current cycle: not validated, so not in the timeline
		PublishedEntries.unpublished(this.jdbc, "POL-1", "PAK", Status.SUBSTANTIAL, "SUBMITTED");
		PublishedEntries.unpublished(this.jdbc, "POL-1", "EU", Status.COMPLETE, "DRAFT");

		Document doc = Html.get(this.mvc, "/commitments/POL-1", "en");
		assertThat(doc.select(".timeline h2").text()).isEqualTo("Validated status across reporting cycles");
		assertThat(doc.select(".timeline caption").text())
			.isEqualTo("Validated status of POL-1 across the stakeholders it applies to, by reporting cycle");
		Elements rows = doc.select(".timeline table.timeline-table tbody tr");
		assertThat(rows.select("th").eachText()).containsExactly("2019", currentCycle() + " open");
		assertThat(rows.get(0).select("td").last().text()).startsWith("1 of 8 Substantial or Complete")
			.endsWith("7 with no evidence");
		assertThat(rows.get(1).select("td").last().text()).startsWith("0 of 8 Substantial or Complete")
			.endsWith("7 with no evidence");
		assertThat(rows.select("svg.status-bar")).hasSize(2);
		assertThat(rows.get(1).select("svg.status-bar rect.status-fill-limited")).hasSize(1);
		assertThat(rows.get(1).select("svg.status-bar rect.status-fill-substantial, svg.status-bar rect.status-fill-complete"))
			.isEmpty();

		assertThat(Html.get(this.mvc, "/commitments/POL-1", "zh").select(".timeline caption").text())
			.isEqualTo("POL-1 在其适用的各利益攸关方中经核实的状态，按报告周期");
	}

	private String currentCycle() {
		return this.jdbc.sql("select code from reporting_cycle order by (state = 'OPEN') desc, period_start desc, id desc limit 1")
			.query(String.class)
			.single();
	}

}
