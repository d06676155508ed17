package org.a4p.portal.opendata;

import java.math.BigDecimal;
import java.util.List;

import org.a4p.portal.opendata.Files.Rows;
import org.a4p.portal.progress.Status;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.PublishedEntries;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress-per-stakeholder tables (overview, by area, collective commitments) downloaded with the page's
 * filters and sort order say what the page says, in its order; a filter that is not a choice is a 400.
 */
@PortalTest
@Transactional
class OverviewDownloadsTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void entries() {
		PublishedEntries.validated(this.jdbc, "POL-1", "PAK", Status.SUBSTANTIAL);
		PublishedEntries.validated(this.jdbc, "POL-1", "EU", Status.COMPLETE);
		PublishedEntries.unpublished(this.jdbc, "POL-2", "PAK", Status.COMPLETE, "SUBMITTED");
	}

	private byte[] download(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).header("Accept-Language", "en").exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		return result.getResponse().getContentAsByteArray();
	}

	private static BigDecimal percent(String text) {
		return new BigDecimal(text.replace("%", "").strip());
	}

	@Test
	void theOverviewWithItsFiltersAndOrderEqualsThePage() throws Exception {
		String query = "?kind=MEMBER_STATE&sort=share&dir=desc";
		Document page = Html.get(this.mvc, "/stakeholders/progress" + query, "en");
		Rows csv = Files.csv(download("/download/stakeholders/progress.csv" + query));
		List<Element> rows = page.select("table.overview-table tbody tr[data-code]");
		List<List<String>> stakeholders = csv.rows().stream().filter((r) -> !r.get(0).equals("COLLECTIVE")).toList();
		assertThat(stakeholders.stream().map((r) -> r.get(0)).toList())
			.containsExactlyElementsOf(rows.stream().map((r) -> r.attr("data-code")).toList());
		for (int i = 0; i < rows.size(); i++) {
			Element row = rows.get(i);
			List<String> line = stakeholders.get(i);
			assertThat(line.get(2)).isEqualTo("MEMBER_STATE");
			assertThat(line.get(5)).isEqualTo(row.selectFirst("td.pairs").text());
			if (!line.get(3).isEmpty()) {
				assertThat(percent(line.get(3))).isEqualByComparingTo(percent(row.selectFirst("td.share").text()));
			}
		}
		assertThat(stakeholders.get(0).get(0)).isEqualTo("PAK");
		assertThat(page.select(".download-links a").eachAttr("href")).containsExactly(
				"/download/stakeholders/progress.csv" + query, "/download/stakeholders/progress.xlsx" + query);
		assertThat(this.mvc.get().uri("/download/stakeholders/progress.csv?kind=nonsense").exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void theTableByAreaAndTheCollectiveCommitmentsEqualTheirPages() throws Exception {
		Document matrixPage = Html.get(this.mvc, "/stakeholders/progress/areas", "en");
		Rows matrix = Files.csv(download("/download/stakeholders/progress/areas.csv"));
		Element pakistan = matrixPage.selectFirst("table tbody tr[data-code=PAK]");
		assertThat(pakistan).isNotNull();
		List<String> line = matrix.row(0, "PAK");
		// Politics: share, Substantial or Complete, counted
		Element politics = pakistan.selectFirst("td[data-area=POL]");
		assertThat(politics.selectFirst(".cell-count").text()).isEqualTo(line.get(3) + "/" + line.get(4));
		assertThat(percent(politics.selectFirst(".cell-share").text()))
			.isEqualByComparingTo(percent(line.get(2)).setScale(0, java.math.RoundingMode.HALF_UP));
		Document collectivePage = Html.get(this.mvc, "/commitments/collective", "en");
		Rows collective = Files.csv(download("/download/commitments/collective.csv"));
		List<Element> rows = collectivePage.select("table.collective-table tbody tr");
		assertThat(collective.rows()).hasSize(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			assertThat(collective.rows().get(i).get(0)).isEqualTo(rows.get(i).selectFirst("th").text());
			assertThat(collective.rows().get(i).get(3)).isEqualTo(rows.get(i).selectFirst("td.pairs").text());
		}
		assertThat(collective.row(0, "POL-1").subList(4, 6)).containsExactly("1", "1");
	}

}
