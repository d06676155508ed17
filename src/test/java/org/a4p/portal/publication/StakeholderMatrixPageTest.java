package org.a4p.portal.publication;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/**
 * Progress per stakeholder and area ({@code /stakeholders/progress/areas}): a real table of stakeholders × the 8
 * areas whose cells hold the share and the counts, adding up to the overview's rows and, per area, to the
 * dashboard; the same filters as the overview.
 */
@PortalTest
class StakeholderMatrixPageTest {

	private static final String MATRIX = "/stakeholders/progress/areas";

	private static final Pattern COUNT = Pattern.compile("(\\d+) of (\\d+) counted pairs");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	/** The counts of a cell (Substantial or Complete, counted pairs), null where nothing of the area applies. */
	private static long[] cell(Element td) {
		Matcher m = COUNT.matcher(td.text());
		if (!m.find()) {
			assertThat(td.text()).as(td.outerHtml()).contains("nothing of this area applies");
			return null;
		}
		return new long[] { Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) };
	}

	private void someEntries() {
		PublishedEntries.validated(this.jdbc, "POL-1", "PAK", Status.COMPLETE);
		PublishedEntries.validated(this.jdbc, "POL-2", "PAK", Status.LIMITED);
		PublishedEntries.validated(this.jdbc, "POL-5", "PAK", Status.SUBSTANTIAL);
		PublishedEntries.validated(this.jdbc, "WPS-1", "PAK", Status.NOT_APPLICABLE);
		PublishedEntries.validated(this.jdbc, "CON-1", "EU", Status.COMPLETE);
		PublishedEntries.validated(this.jdbc, "POL-6", "SECRETARIAT", Status.SUBSTANTIAL);
		PublishedEntries.unpublished(this.jdbc, "PRO-1", "PHL", Status.COMPLETE, "SUBMITTED");
	}

	@Test
	void isARealTableWithRowAndColumnHeadingsAndTheValuesInItsCells() {
		Document doc = Html.get(this.mvc, MATRIX, "en");
		assertThat(doc.select("h1").text()).isEqualTo("Progress per stakeholder and area");
		Element table = doc.selectFirst("table.matrix-table");
		assertThat(table.select("thead th[scope=col]").eachText()).hasSize(10);
		assertThat(table.select("thead th a").eachAttr("href")).contains(MATRIX + "?sort=POL&dir=desc");
		assertThat(table.select("tbody th[scope=row]")).hasSize(1 + 8);
		assertThat(doc.selectFirst(".table-scroll").attr("tabindex")).isEqualTo("0");
		Element pak = table.selectFirst("tr[data-code=PAK]");
		assertThat(pak.select("td[data-area=POL] .cell-share").text()).isEqualTo("0%");
		assertThat(pak.select("td[data-area=POL] .cell-count").text()).isEqualTo("0/5");
		// Pakistan: no commitment of the Secretariat's own, so every area has collective commitments
		assertThat(pak.select("td.no-pairs")).isEmpty();
	}

	@Test
	@Transactional
	void theCellsOfARowAddUpToItsOverviewRowAndEachAreaToTheDashboard() {
		someEntries();
		Document matrix = Html.get(this.mvc, MATRIX, "en");
		Document overview = Html.get(this.mvc, "/stakeholders/progress", "en");
		List<Element> rows = matrix.select("table.matrix-table tbody tr, table.matrix-table tfoot tr");
		assertThat(rows).hasSize(1 + 8 + 1);
		Map<String, long[]> byArea = new HashMap<>();
		for (Element row : matrix.select("table.matrix-table tbody:not(.collective-row) tr")) {
			long sc = 0;
			long counted = 0;
			for (Element td : row.select("td.area-col")) {
				long[] c = cell(td);
				if (c != null) {
					sc += c[0];
					counted += c[1];
					byArea.merge(td.attr("data-area"), c, (a, b) -> new long[] { a[0] + b[0], a[1] + b[1] });
				}
			}
			long[] total = cell(row.selectFirst("td.total-col"));
			assertThat(total).as(row.attr("data-code")).containsExactly(sc, counted);
			Element same = overview.selectFirst("table.overview-table tr[data-code=" + row.attr("data-code") + "]");
			Map<Status, Long> counts = StakeholderProgressPageTest.barCounts(same);
			long overviewSc = counts.getOrDefault(Status.SUBSTANTIAL, 0L) + counts.getOrDefault(Status.COMPLETE, 0L);
			long overviewCounted = Long.parseLong(same.select("td.pairs").text()) - counts.getOrDefault(Status.NOT_APPLICABLE, 0L);
			assertThat(new long[] { overviewSc, overviewCounted }).as(row.attr("data-code")).containsExactly(sc, counted);
		}
		// PAK: POL-1 Complete and POL-5 Substantial of 5 in Politics; WPS-1 Not applicable leaves the count
		Element pak = matrix.selectFirst("tr[data-code=PAK]");
		assertThat(pak.select("td[data-area=POL]").text()).startsWith("40%");
		assertThat(pak.select("td[data-area=POL]").hasClass("share-band-2")).isTrue();
		assertThat(cell(pak.selectFirst("td[data-area=WPS]"))).containsExactly(0, 2);
		// the footer gives each area over every stakeholder shown: the dashboard's figures
		Document dashboard = Html.get(this.mvc, "/", "en");
		for (Element tr : dashboard.select("table.figures-table tbody tr")) {
			String area = tr.select("th a").attr("href").replace("/areas/", "");
			List<String> nums = tr.select("td.num").eachText();
			long sc = Long.parseLong(nums.get(0)) + Long.parseLong(nums.get(1));
			long counted = Long.parseLong(nums.get(Status.SCALE.size() + 1));
			assertThat(cell(matrix.selectFirst("tfoot td[data-area=" + area + "]"))).as(area).containsExactly(sc, counted);
			assertThat(byArea.get(area)).as(area).containsExactly(sc, counted);
		}
	}

	@Test
	void hasTheOverviewsFiltersAndRefusesWhatIsNotAChoice() {
		Document doc = Html.get(this.mvc, MATRIX + "?kind=ORGANIZATION", "en");
		assertThat(doc.select("table.matrix-table tbody:not(.collective-row) tr").eachAttr("data-code"))
			.containsExactly("AUC", "EU", "OIF", "NATO");
		assertThat(doc.selectFirst("form.progress-filters").attr("action")).isEqualTo(MATRIX);
		assertThat(Html.get(this.mvc, MATRIX + "?region=034", "en").select("table.matrix-table tbody:not(.collective-row) tr")
			.eachAttr("data-code")).containsExactly("PAK");
		for (String query : List.of("?kind=x", "?sort=XYZ", "?region=1")) {
			assertThat(this.mvc.get().uri(MATRIX + query).header("Accept-Language", "en").exchange()).as(query)
				.hasStatus(HttpStatus.BAD_REQUEST);
		}
	}

	@Test
	@Transactional
	void sortsByAnAreasShare() {
		someEntries();
		Document doc = Html.get(this.mvc, MATRIX + "?sort=CON", "en");
		List<String> codes = doc.select("table.matrix-table tbody:not(.collective-row) tr").eachAttr("data-code");
		assertThat(codes.get(0)).isEqualTo("EU");
		assertThat(doc.selectFirst("th:has(a[href*=sort=CON])").attr("aria-sort")).isEqualTo("descending");
		assertThat(doc.select("caption").text()).endsWith("(sorted by area CON, descending)");
		assertThat(Html.get(this.mvc, MATRIX + "?sort=total", "en").select("table.matrix-table tbody:not(.collective-row) tr")
			.eachAttr("data-code").get(0)).isEqualTo("PAK");
	}

	@Test
	void inChinese() {
		Document doc = Html.get(this.mvc, MATRIX, "zh");
		assertThat(doc.select("h1").text()).isEqualTo("各利益攸关方按领域的进展");
		assertThat(doc.select("table.matrix-table thead th").get(1).text()).startsWith("政治");
	}

}
