package org.a4p.portal.publication;

import org.a4p.portal.progress.Status;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.PublishedEntries;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/** How all endorsers stand on each collective commitment ({@code /commitments/collective}). */
@PortalTest
class CollectiveCommitmentsPageTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	@Transactional
	void eachCollectiveCommitmentWithItsDistributionOverEveryoneItAppliesToAndALinkToItsPage() {
		PublishedEntries.validated(this.jdbc, "POL-1", "PAK", Status.COMPLETE);
		PublishedEntries.validated(this.jdbc, "POL-1", "EU", Status.SUBSTANTIAL);
		PublishedEntries.unpublished(this.jdbc, "POL-1", "PHL", Status.COMPLETE, "SUBMITTED");
		Document doc = Html.get(this.mvc, "/commitments/collective", "en");
		assertThat(doc.select("h1").text()).isEqualTo("Where all endorsers stand on the collective commitments");
		assertThat(doc.select("table.collective-table tbody tr")).hasSize(22);
		Element pol1 = doc.selectFirst("tr[data-code=POL-1]");
		assertThat(pol1.select("th a").attr("href")).isEqualTo("/commitments/POL-1");
		// the Secretariat, three states and four organizations
		assertThat(pol1.select("td.pairs").text()).isEqualTo("8");
		assertThat(pol1.select("td.share").text()).isEqualTo("25%");
		// validated twice, submitted once: 3 of 8 reported
		assertThat(pol1.select("td.compliance").text()).isEqualTo("37.5%");
		assertThat(pol1.select(".bar-counts").text()).isEqualTo("Complete: 1 Substantial: 1 No evidence: 6");
		assertThat(doc.select("tr[data-code=POL-5]")).as("POL-5 is made by Member States").isEmpty();
		// the collective commitments as a whole: 22 x 8 pairs, as on the overview's first row
		assertThat(doc.select(".collective-total .figure-value").first().text()).isEqualTo("176");
		Element overviewRow = Html.get(this.mvc, "/stakeholders/progress", "en").selectFirst("tbody.collective-row tr");
		assertThat(overviewRow.select("td.pairs").text()).isEqualTo("176");
		assertThat(overviewRow.select("td.share").text()).isEqualTo(doc.select(".collective-total .figure-value").get(1).text());
	}

	@Test
	void inChineseAndForAnUnknownCycle() {
		assertThat(Html.get(this.mvc, "/commitments/collective", "zh").select("h1").text()).isEqualTo("全体核准方在共同承诺上的进展");
		assertThat(this.mvc.get().uri("/commitments/collective?cycle=NOPE").exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

}
