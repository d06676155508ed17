package org.a4p.portal.opendata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.a4p.portal.opendata.Files.Rows;
import org.a4p.portal.opendata.Files.XlsxCell;
import org.a4p.portal.progress.Status;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.PublishedEntries;
import org.apache.poi.ss.usermodel.CellType;
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

import static org.a4p.portal.support.SignedInUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every table download read back (commons-csv, POI) says what its page says, for the same cycle and language;
 * drafts and submissions never appear; the cycle rules are the pages' (unknown 404, malformed 400).
 * Fixtures: validated entries, and beside them a draft and a submission that must not count.
 */
@PortalTest
@Transactional
class TableDownloadsTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void entries() {
		PublishedEntries.validated(this.jdbc, "POL-1", "PAK", Status.SUBSTANTIAL);
		PublishedEntries.validated(this.jdbc, "POL-1", "EU", Status.COMPLETE);
		PublishedEntries.validated(this.jdbc, "WPS-1", "PHL", Status.NOT_APPLICABLE);
		// never public: a draft and a submission, both COMPLETE
		PublishedEntries.unpublished(this.jdbc, "POL-1", "PHL", Status.COMPLETE, "DRAFT");
		PublishedEntries.unpublished(this.jdbc, "POL-2", "PAK", Status.COMPLETE, "SUBMITTED");
	}

	private MvcTestResult get(String uri, String language) {
		return this.mvc.get().uri(uri).header("Accept-Language", language).exchange();
	}

	private byte[] download(String uri, String language) {
		MvcTestResult result = get(uri, language);
		assertThat(result).hasStatus(HttpStatus.OK);
		return result.getResponse().getContentAsByteArray();
	}

	private static BigDecimal percent(String text) {
		return new BigDecimal(text.replace("%", "").strip());
	}

	@Test
	void theDashboardsTableAsCsvAndXlsxEqualsThePage() throws Exception {
		Document page = Html.get(this.mvc, "/", "en");
		List<Element> pageRows = page.select("table.figures-table tbody tr");
		List<String> pageHeadings = page.select("table.figures-table thead th").eachText();
		Rows csv = Files.csv(download("/download/dashboard.csv", "en"));
		List<List<XlsxCell>> xlsx = Files.xlsx(download("/download/dashboard.xlsx", "en"));

		// the page's headings, less the bar; the compliance heading says its unit in the CSV
		assertThat(csv.headings()).containsExactly("Area code", "Area", "Complete", "Substantial", "Limited",
				"Not started", "No evidence", "Not applicable", "Counted pairs", "Reporting compliance (%)");
		assertThat(pageHeadings).containsSubsequence("Area", "Complete", "Not applicable", "Counted pairs",
				"Reporting compliance");
		assertThat(csv.rows()).hasSize(pageRows.size()).hasSize(8);
		assertThat(xlsx).hasSize(9);
		for (int i = 0; i < pageRows.size(); i++) {
			Element row = pageRows.get(i);
			List<String> numbers = row.select("td.num").eachText();
			List<String> line = csv.rows().get(i);
			assertThat(line.get(1)).isEqualTo(row.select("th a").text());
			assertThat(row.select("th a").attr("href")).isEqualTo("/areas/" + line.get(0));
			assertThat(line.subList(2, 9)).containsExactlyElementsOf(numbers.subList(0, 7));
			assertThat(percent(line.get(9))).isEqualByComparingTo(percent(numbers.get(7)));
			List<XlsxCell> cells = xlsx.get(i + 1);
			assertThat(cells.get(0).value()).isEqualTo(line.get(0));
			for (int c = 2; c < 9; c++) {
				assertThat(cells.get(c).type()).isEqualTo(CellType.NUMERIC);
				assertThat((double) cells.get(c).value()).isEqualTo(Double.parseDouble(numbers.get(c - 2)));
			}
			assertThat(cells.get(9).format()).isEqualTo("0.0%");
			assertThat((double) cells.get(9).value() * 100).isCloseTo(percent(numbers.get(7)).doubleValue(),
					within(1e-9));
		}
		// Politics: PAK substantial and EU complete validated; the draft and the submission are not counted
		assertThat(csv.row(0, "POL").subList(2, 9)).containsExactly("1", "1", "0", "0", "32", "0", "34");
	}

	@Test
	void anAreasTableInChineseHasThePagesChineseHeadingsAndNumbers() throws Exception {
		Document page = Html.get(this.mvc, "/areas/POL", "zh");
		Rows csv = Files.csv(download("/download/areas/POL.csv", "zh"));
		List<String> pageHeadings = page.select("table.commitments-table thead th").eachText();
		assertThat(csv.headings().subList(0, 3)).containsExactlyElementsOf(pageHeadings.subList(0, 3));
		assertThat(csv.headings().subList(3, 10)).containsExactlyElementsOf(pageHeadings.subList(4, 11));
		List<Element> pageRows = page.select("table.commitments-table tbody tr");
		assertThat(csv.column(0)).containsExactlyElementsOf(pageRows.stream().map((r) -> r.select("th a").text()).toList());
		for (Element row : pageRows) {
			List<String> line = csv.row(0, row.select("th a").text());
			assertThat(line.get(1)).isEqualTo(row.select("td").get(0).text());
			assertThat(line.subList(3, 10)).containsExactlyElementsOf(row.select("td.num").eachText().subList(0, 7));
		}
		assertThat(csv.row(0, "POL-1").subList(3, 10)).containsExactly("1", "1", "0", "0", "6", "0", "8");
		assertThat(csv.row(0, "POL-2").subList(3, 10)).containsExactly("0", "0", "0", "0", "8", "0", "8");
		List<List<XlsxCell>> xlsx = Files.xlsx(download("/download/areas/POL.xlsx", "zh"));
		assertThat(xlsx.get(0).stream().map(XlsxCell::value).toList()).containsExactlyElementsOf(csv.headings());
		assertThat(xlsx.get(1).get(1).value()).isEqualTo(csv.rows().get(0).get(1));
		MvcTestResult result = get("/download/areas/POL.xlsx", "zh");
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"a4p-area-POL-" + cycle() + "-zh.xlsx\"; filename*=UTF-8''a4p-area-POL-"
					+ cycle() + "-zh.xlsx");
		assertThat(result.getResponse().getContentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@Test
	void aCommitmentsTableHasThePublishedStatusOfEachStakeholderAndWhenItWasValidated() throws Exception {
		Document page = Html.get(this.mvc, "/commitments/POL-1", "en");
		Rows csv = Files.csv(download("/download/commitments/POL-1.csv", "en"));
		List<Element> pageRows = page.select("table.stakeholder-status-table tbody tr");
		assertThat(csv.column(0)).containsExactlyElementsOf(pageRows.stream().map((r) -> r.attr("data-code")).toList());
		for (Element row : pageRows) {
			List<String> line = csv.row(0, row.attr("data-code"));
			assertThat(line.get(1)).isEqualTo(row.select("th a").text());
			assertThat(line.get(3)).isEqualTo(row.select("td.status-cell").attr("data-status"));
		}
		assertThat(csv.row(0, "PAK").get(3)).isEqualTo("SUBSTANTIAL");
		assertThat(csv.row(0, "PAK").get(4)).isNotEmpty();
		// the Philippines' draft is not public
		assertThat(csv.row(0, "PHL").subList(3, 5)).containsExactly("NO_EVIDENCE", "");
		List<List<XlsxCell>> xlsx = Files.xlsx(download("/download/commitments/POL-1.xlsx", "en"));
		XlsxCell validatedOn = xlsx.stream().filter((r) -> r.get(0).value().equals("PAK")).findFirst().orElseThrow().get(4);
		assertThat(validatedOn.type()).isEqualTo(CellType.NUMERIC);
		assertThat(validatedOn.format()).isEqualTo("yyyy-mm-dd");
		assertThat(validatedOn.value()).isEqualTo(LocalDate.parse(csv.row(0, "PAK").get(4)));
	}

	@Test
	void aStakeholdersTableHasWhatAppliesToItWithThePublishedStatuses() throws Exception {
		for (String path : List.of("/stakeholders/PAK", "/organizations/EU", "/stakeholders/secretariat")) {
			Document page = Html.get(this.mvc, path, "en");
			Rows csv = Files.csv(download("/download" + path + ".csv", "en"));
			List<Element> pageRows = page.select("table.applicable-table tbody tr");
			assertThat(csv.column(1)).as(path)
				.containsExactlyElementsOf(pageRows.stream().map((r) -> r.attr("data-code")).toList());
			for (Element row : pageRows) {
				assertThat(csv.row(1, row.attr("data-code")).get(4)).as(path)
					.isEqualTo(row.select("td.status-cell").attr("data-status"));
			}
		}
		Rows pakistan = Files.csv(download("/download/stakeholders/PAK.csv", "en"));
		assertThat(pakistan.row(1, "POL-1").get(4)).isEqualTo("SUBSTANTIAL");
		// the submission is not public
		assertThat(pakistan.row(1, "POL-2").get(4)).isEqualTo("NO_EVIDENCE");
	}

	@Test
	void theEndorsementsTablesEqualThePage() throws Exception {
		Document page = Html.get(this.mvc, "/endorsements", "en");
		Rows recorded = Files.csv(download("/download/endorsements.csv", "en"));
		assertThat(recorded.column(0)).containsExactlyElementsOf(
				page.select("table.recorded-endorsements tbody tr").eachAttr("data-code"));
		assertThat(recorded.row(0, "PAK").subList(1, 4)).containsExactly("Pakistan", "MEMBER_STATE", "2018-08-17");
		Rows published = Files.csv(download("/download/endorsements/published.csv", "en"));
		List<Element> counts = page.select("table.published-counts tbody tr");
		assertThat(published.rows()).hasSize(counts.size());
		for (int i = 0; i < counts.size(); i++) {
			assertThat(published.rows().get(i).get(1)).isEqualTo(counts.get(i).select("td").get(0).text());
		}
		List<List<XlsxCell>> xlsx = Files.xlsx(download("/download/endorsements.xlsx", "en"));
		XlsxCell endorsedOn = xlsx.stream().filter((r) -> r.get(0).value().equals("PAK")).findFirst().orElseThrow().get(3);
		assertThat(endorsedOn.value()).isEqualTo(LocalDate.of(2018, 8, 17));
		assertThat(get("/download/endorsements.csv", "en").getResponse().getHeader("Content-Disposition"))
			.contains("filename=\"a4p-endorsements-en.csv\"");
	}

	@Test
	void eachPageLinksToItsDownloadsForTheSameCycle() {
		// the current cycle is the default: its links, like the pages', do not name it
		Document dashboard = Html.get(this.mvc, "/?cycle=" + cycle(), "en");
		assertThat(dashboard.select(".download-links a").eachAttr("href"))
			.containsExactly("/download/dashboard.csv", "/download/dashboard.xlsx");
		PublishedEntries.closedCycle(this.jdbc, "2019");
		assertThat(Html.get(this.mvc, "/areas/POL?cycle=2019", "en").select(".download-links a").eachAttr("href"))
			.containsExactly("/download/areas/POL.csv?cycle=2019", "/download/areas/POL.xlsx?cycle=2019");
		assertThat(Html.get(this.mvc, "/areas/POL", "en").select(".download-links a").eachAttr("href"))
			.containsExactly("/download/areas/POL.csv", "/download/areas/POL.xlsx");
		assertThat(Html.get(this.mvc, "/commitments/POL-1", "en").select(".download-links a").eachAttr("href"))
			.containsExactly("/download/commitments/POL-1.csv", "/download/commitments/POL-1.xlsx");
		assertThat(Html.get(this.mvc, "/stakeholders/secretariat", "en").select(".download-links a").eachAttr("href"))
			.containsExactly("/download/stakeholders/secretariat.csv", "/download/stakeholders/secretariat.xlsx");
		assertThat(Html.get(this.mvc, "/organizations/EU", "en").select(".download-links a").eachAttr("href"))
			.containsExactly("/download/organizations/EU.csv", "/download/organizations/EU.xlsx");
		assertThat(Html.get(this.mvc, "/endorsements", "en").select(".download-links a").eachAttr("href"))
			.containsExactly("/download/endorsements.csv", "/download/endorsements.xlsx",
					"/download/endorsements/published.csv", "/download/endorsements/published.xlsx");
	}

	@Test
	void aClosedCyclesDownloadsShowItAsPublishedLikeItsPages() throws Exception {
		String current = cycle();
		long cycleId = this.jdbc.sql("select id from reporting_cycle where code = ?").param(current).query(Long.class)
			.single();
		assertThat(this.mvc.post().uri("/admin/cycles/" + cycleId + "/close").with(asAdmin()).with(csrf()).exchange())
			.hasStatus(HttpStatus.FOUND);
		// after the close: an entry validated later does not change what the closed cycle shows
		this.jdbc.sql("update progress_entry set published_status = 'COMPLETE', status = 'COMPLETE' "
				+ "where published_status = 'SUBSTANTIAL'").update();
		Document page = Html.get(this.mvc, "/areas/POL?cycle=" + current, "en");
		Rows csv = Files.csv(download("/download/areas/POL.csv?cycle=" + current, "en"));
		for (Element row : page.select("table.commitments-table tbody tr")) {
			assertThat(csv.row(0, row.select("th a").text()).subList(3, 10))
				.containsExactlyElementsOf(row.select("td.num").eachText().subList(0, 7));
		}
		assertThat(csv.row(0, "POL-1").subList(3, 10)).containsExactly("1", "1", "0", "0", "6", "0", "8");
	}

	@Test
	void theCycleRulesAreThePages() {
		assertThat(get("/download/dashboard.csv?cycle=1999", "en")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("/download/areas/POL.xlsx?cycle=no%20such", "en")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(get("/download/areas/POL.csv?publication=x", "en")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(get("/download/areas/POL.csv?publication=999999", "en")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("/download/endorsements.csv?cycle=1999", "en")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("/download/areas/XXX.csv", "en")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("/download/commitments/XXX-9.csv", "en")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("/download/organizations/PAK.csv", "en")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("/download/areas/POL.pdf", "en")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void anUnchangedFileIsAnsweredWith304() {
		MvcTestResult first = get("/download/dashboard.csv", "en");
		String etag = first.getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();
		assertThat(first.getResponse().getHeader("Cache-Control")).isEqualTo("no-cache");
		MvcTestResult again = this.mvc.get().uri("/download/dashboard.csv").header("Accept-Language", "en")
			.header("If-None-Match", etag).exchange();
		assertThat(again).hasStatus(HttpStatus.NOT_MODIFIED);
		PublishedEntries.validated(this.jdbc, "POL-3", "PAK", Status.LIMITED);
		assertThat(this.mvc.get().uri("/download/dashboard.csv").header("Accept-Language", "en")
			.header("If-None-Match", etag).exchange()).hasStatus(HttpStatus.OK);
	}

	private String cycle() {
		return this.jdbc.sql("select code from reporting_cycle order by (state = 'OPEN') desc, period_start desc limit 1")
			.query(String.class).single();
	}

}
