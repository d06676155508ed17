package org.a4p.portal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.stakeholder.StakeholderNames;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.PortalTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.EntryTestSupport.expectRedirect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printable reports: a page per stakeholder, area and the Secretariat in the reader's language, linked from
 * their pages; the same as PDF, whose text layer holds the names in Chinese and Arabic as text (fonts embedded
 * from the repository), and only validated content.
 */
@PortalTest
@Transactional
class ReportTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PdfReports pdf;

	@Autowired
	MessageSource messages;

	EntryTestSupport t;

	@BeforeEach
	void entries() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		PortalUser pak = this.t.delegateOf("PAK");
		expectRedirect(this.t.save(pak, "PAK", "POL-2", "SUBSTANTIAL", "Validated narrative for the report", null,
				"Annual report", "https://example.org/annual"));
		expectRedirect(this.t.submit(pak, "PAK", "POL-2"));
		expectRedirect(this.t.validate(this.t.secretariat(), "PAK", "POL-2"));
		expectRedirect(this.t.save(pak, "PAK", "POL-2", "COMPLETE", "DRAFT-AFTER-VALIDATION",
				this.t.version("PAK", "POL-2")));
	}

	@Test
	void theStakeholderReportIsAPrintablePageOfValidatedContent() {
		MvcTestResult result = get("/reports/stakeholders/PAK", "en");
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(body(result));
		assertThat(page.select("h1").text()).isEqualTo("Pakistan: progress report");
		assertThat(page.title()).startsWith("Pakistan: progress report");
		assertThat(page.text()).contains("Validated narrative for the report").doesNotContain("DRAFT-AFTER-VALIDATION");
		assertThat(page.select("a.printed-link[href=https://example.org/annual]")).hasSize(1);
		assertThat(page.select(".report-actions a").attr("href")).isEqualTo("/reports/stakeholders/PAK.pdf");
		assertThat(page.select("section.report-section")).hasSizeGreaterThan(1);
	}

	@Test
	void aChineseReportAsPdfHoldsTheNameInChineseAsText() throws IOException {
		MvcTestResult result = get("/reports/stakeholders/PAK.pdf", "zh");
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).startsWith("application/pdf");
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("a4p-report-pak-")
			.contains("-zh.pdf");
		String text = text(result.getResponse().getContentAsByteArray());
		assertThat(text).contains("巴基斯坦：进展报告").contains("摘要").contains("Validated narrative for the report")
			.doesNotContain("DRAFT-AFTER-VALIDATION").doesNotContain("#");
		assertThat(fonts(result.getResponse().getContentAsByteArray())).anyMatch((f) -> f.contains("NotoSansSC"));
	}

	/**
	 * Arabic is not yet a language of the pages on this branch (the languages issue adds it), so the renderer is
	 * given the Arabic report heading and name directly: the same fonts, shaping and bidi as a report page.
	 */
	@Test
	void anArabicPdfHoldsTheNameInArabicAsText() throws IOException {
		Locale arabic = Locale.forLanguageTag("ar");
		String name = StakeholderNames.name("PK", "Pakistan", null, arabic);
		assertThat(name).isEqualTo("باكستان");
		String heading = this.messages.getMessage("report.stakeholder.title", new Object[] { name }, arabic);
		byte[] pdf = this.pdf.toPdf("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><title>t</title></head>"
				+ "<body><main><h1>" + heading + "</h1><p>PAK · 2026</p></main></body></html>");
		String text = Normalizer.normalize(text(pdf), Normalizer.Form.NFKC);
		assertThat(text).contains(name).contains("تقرير مرحلي");
		assertThat(fonts(pdf)).anyMatch((f) -> f.contains("NotoSansArabic"));
	}

	/** A PDF waits while {@link PdfReports#AT_ONCE} others are laid out (each holds tens of MB of heap). */
	@Test
	void aPdfWaitsWhileTheMostAllowedAreLaidOut() throws Exception {
		String html = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><h1>Wait</h1></body></html>";
		long start = System.nanoTime();
		this.pdf.toPdf(html);
		// twice as long as the same PDF took on its own: without the limit it would be done by then
		long wait = Math.max(1500, 2 * TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
		this.pdf.layouts.acquire(PdfReports.AT_ONCE);
		CompletableFuture<byte[]> waiting;
		try {
			waiting = CompletableFuture.supplyAsync(() -> this.pdf.toPdf(html));
			Thread.sleep(wait);
			assertThat(waiting).isNotDone();
		}
		finally {
			this.pdf.layouts.release(PdfReports.AT_ONCE);
		}
		assertThat(text(waiting.get(60, TimeUnit.SECONDS))).contains("Wait");
		assertThat(this.pdf.layouts.availablePermits()).isEqualTo(PdfReports.AT_ONCE);
	}

	@Test
	void theAreaAndSecretariatReportsAndTheirPdfs() throws IOException {
		Document area = Jsoup.parse(body(get("/reports/areas/POL", "en")));
		assertThat(area.select("h1").text()).endsWith(": progress report");
		assertThat(area.select("table.report-table tbody tr")).isNotEmpty();
		MvcTestResult areaPdf = get("/reports/areas/POL.pdf", "fr");
		assertThat(areaPdf.getResponse().getContentType()).startsWith("application/pdf");
		assertThat(text(areaPdf.getResponse().getContentAsByteArray())).contains("POL-1");
		assertThat(get("/reports/secretariat", "en").getResponse().getStatus()).isEqualTo(200);
		assertThat(get("/reports/secretariat.pdf", "en").getResponse().getContentType()).startsWith("application/pdf");
	}

	@Test
	void unknownStakeholdersAreasAndCyclesAre404() {
		assertThat(get("/reports/stakeholders/ZZZ", "en").getResponse().getStatus()).isEqualTo(404);
		assertThat(get("/reports/areas/XYZ.pdf", "en").getResponse().getStatus()).isEqualTo(404);
		assertThat(get("/reports/areas/POL?cycle=1999", "en").getResponse().getStatus()).isEqualTo(404);
		assertThat(get("/reports/areas/POL?cycle=%3Cx%3E", "en").getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void thePagesLinkToTheirReports() {
		assertThat(Jsoup.parse(body(get("/stakeholders/PAK", "en"))).select(".report-link a").attr("href"))
			.isEqualTo("/reports/stakeholders/PAK");
		assertThat(Jsoup.parse(body(get("/stakeholders/secretariat", "en"))).select(".report-link a").attr("href"))
			.isEqualTo("/reports/secretariat");
		assertThat(Jsoup.parse(body(get("/areas/POL", "en"))).select(".report-link a").attr("href"))
			.isEqualTo("/reports/areas/POL");
	}

	private MvcTestResult get(String uri, String language) {
		return this.mvc.get().uri(uri).header("Accept-Language", language).exchange();
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static java.util.List<String> fonts(byte[] pdf) throws IOException {
		java.util.List<String> names = new java.util.ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (var page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					names.add(font.getName());
				}
			}
		}
		return names;
	}

	private static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
