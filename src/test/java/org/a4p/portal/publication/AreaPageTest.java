package org.a4p.portal.publication;

import org.a4p.portal.catalogue.ReferenceCatalogue.AreaData;
import org.a4p.portal.catalogue.ReferenceCatalogue;
import org.a4p.portal.progress.Status;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.PublishedEntries;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class AreaPageTest {

	private static final AreaData POLITICS = ReferenceCatalogue.fromClasspath()
		.areas()
		.stream()
		.filter((a) -> a.code().equals("POL"))
		.findFirst()
		.orElseThrow();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private static Element row(Document doc, String code) {
		return doc.select("table.commitments-table tbody tr").stream()
			.filter((tr) -> tr.select("th a").text().equals(code))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + code));
	}

	@Test
	void showsTheAreaStatementsAndEachCommitmentWithItsDistribution() {
		Document doc = Html.get(this.mvc, "/areas/POL", "en");
		assertThat(doc.select("h1").text()).isEqualTo(POLITICS.nameEn());
		assertThat(doc.text()).contains(POLITICS.statementEn()).contains(POLITICS.secretariatActionEn());
		assertThat(doc.select("table.commitments-table tbody th a").eachAttr("href")).containsExactly(
				"/commitments/POL-1", "/commitments/POL-2", "/commitments/POL-3", "/commitments/POL-4",
				"/commitments/POL-5", "/commitments/POL-6");
		// Columns after code, title and owner: Complete, Substantial, Limited, Not started, No evidence, N/A, counted.
		assertThat(row(doc, "POL-1").select("td.num").eachText()).containsExactly("0", "0", "0", "0", "8", "0", "8");
		assertThat(row(doc, "POL-5").select("td").get(1).text()).isEqualTo("Member States: Security Council");
		assertThat(row(doc, "POL-5").select("td.num").eachText()).containsExactly("0", "0", "0", "0", "1", "0", "1");
		assertThat(row(doc, "POL-6").select("td").get(1).text()).isEqualTo("Secretariat");
		assertThat(row(doc, "POL-1").select("svg.status-bar")).hasSize(1);
		assertThat(doc.select(".area-total .status-counts").text()).contains("No evidence 34 (100%)");
		assertThat(doc.select(".figure-value").first().text()).isEqualTo("34");
	}

	@Test
	void aCommitmentThatAppliesToNobodySaysSo() {
		// PRO-4 is for host states; no endorser hosts an operation in the reference data.
		Element pro4 = row(Html.get(this.mvc, "/areas/PRO", "en"), "PRO-4");
		assertThat(pro4.select("svg")).isEmpty();
		assertThat(pro4.text()).contains("Applies to no stakeholder in this cycle");
	}

	@Test
	void speaksChineseWithTheCataloguesChineseTexts() {
		Document doc = Html.get(this.mvc, "/areas/POL?lang=zh", "en");
		assertThat(doc.select("h1").text()).isEqualTo(POLITICS.nameZh());
		assertThat(doc.text()).contains(POLITICS.statementZh()).contains(POLITICS.secretariatActionZh());
		assertThat(row(doc, "POL-5").select("td").get(1).text()).isEqualTo("会员国：安全理事会");
	}

	@Test
	@Transactional
	void countsOnlyValidatedEntries() {
		PublishedEntries.validated(this.jdbc, "POL-1", "PAK", Status.SUBSTANTIAL);
		PublishedEntries.unpublished(this.jdbc, "POL-2", "PAK", Status.COMPLETE, "SUBMITTED");
		Document doc = Html.get(this.mvc, "/areas/POL", "en");
		assertThat(row(doc, "POL-1").select("td.num").eachText()).containsExactly("0", "1", "0", "0", "7", "0", "8");
		assertThat(row(doc, "POL-2").select("td.num").eachText()).containsExactly("0", "0", "0", "0", "8", "0", "8");
		assertThat(doc.select(".area-total .status-counts").text()).contains("Substantial 1 (2.9%)")
			.contains("No evidence 33 (97.1%)");
	}

}
