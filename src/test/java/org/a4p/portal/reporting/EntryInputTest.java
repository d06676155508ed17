package org.a4p.portal.reporting;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.EntryTestSupport.body;
import static org.a4p.portal.support.EntryTestSupport.page;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad and unusual input on the entry form: a clear error with every value kept and nothing saved,
 * or stored exactly as typed and always shown as text.
 */
@PortalTest
@Transactional
class EntryInputTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	EntryTestSupport t;

	PortalUser pak;

	@BeforeEach
	void setUp() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		this.pak = this.t.delegateOf("PAK");
	}

	private Document rejected(MvcTestResult result) {
		assertThat(result).hasStatus(422);
		Document doc = page(result);
		assertThat(doc.title()).startsWith("Error: ");
		assertThat(doc.select(".error-summary[role=alert] h2").text()).isEqualTo("There is a problem");
		// every link of the summary leads to an input of the page
		for (String href : doc.select(".error-summary a").eachAttr("href")) {
			assertThat(doc.select(href)).as(href).hasSize(1);
			assertThat(doc.select(href).first().tagName()).isIn("input", "textarea");
		}
		assertThat(this.t.versionOrNull("PAK", "POL-1")).as("nothing saved").isNull();
		return doc;
	}

	@Test
	void aNarrativeOf10001CharactersIsRefusedAndKept() {
		String text = "a".repeat(10_001);
		Document doc = rejected(this.t.save(this.pak, "PAK", "POL-1", "LIMITED", text, null));
		assertThat(doc.select(".error-summary a").eachAttr("href")).containsExactly("#narrative");
		assertThat(doc.select(".error-summary").text())
			.contains("The narrative must be 10,000 characters or fewer (it has 10,001)");
		assertThat(doc.select("#narrative-error").text()).startsWith("Error:");
		assertThat(doc.select("#narrative").attr("aria-describedby")).isEqualTo("narrative-hint narrative-error");
		assertThat(doc.select("#narrative").first().wholeText()).isEqualTo(text);
		assertThat(doc.select("input[name=status][checked]").val()).isEqualTo("LIMITED");
	}

	@Test
	void tenThousandCharactersAreAcceptedCountedAsPeopleCountThem() {
		// each of these characters is two UTF-16 units: 10,000 characters, 20,000 units
		String text = "𠀀".repeat(10_000);
		assertThat(this.t.save(this.pak, "PAK", "POL-1", "LIMITED", text, null)).hasStatus(302);
		assertThat(this.t.entry("PAK", "POL-1").get("narrative")).isEqualTo(text);
		// line breaks from the browser (CR LF) count as one character
		String lines = "ab\r\n".repeat(3_000) + "x".repeat(1_000);
		assertThat(this.t.save(this.pak, "PAK", "POL-1", "LIMITED", lines, this.t.version("PAK", "POL-1"))).hasStatus(302);
		assertThat(this.t.entry("PAK", "POL-1").get("narrative")).isEqualTo(lines.replace("\r\n", "\n"));
	}

	@Test
	void javascriptAndDataAddressesAreRefusedAndNothingIsSaved() {
		Document doc = rejected(this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "Good narrative.", null, "Click me",
				"javascript:alert(document.cookie)", "Picture", "data:text/html;base64,PHNjcmlwdD4=", "Fine",
				"https://example.org/ok", "Mixed case", "JaVaScRiPt:alert(1)", "No host", "https://"));
		assertThat(doc.select(".error-summary a").eachAttr("href")).containsExactly("#evidence-0-url", "#evidence-1-url",
				"#evidence-3-url", "#evidence-4-url");
		assertThat(doc.select(".error-summary").text()).contains("starting with http:// or https://");
		// values kept, shown as typed in the inputs (never as links)
		assertThat(doc.select("#evidence-0-url").val()).isEqualTo("javascript:alert(document.cookie)");
		assertThat(doc.select("#evidence-0-title").val()).isEqualTo("Click me");
		assertThat(doc.select("#evidence-2-url").val()).isEqualTo("https://example.org/ok");
		assertThat(doc.select("#narrative").first().wholeText()).isEqualTo("Good narrative.");
		assertThat(doc.select("a[href^=javascript], a[href^=JaVaScRiPt], a[href^=data]")).isEmpty();
		assertThat(this.t.count("select count(*) from evidence_link where url like 'https://example.org/ok'")).isZero();
	}

	@Test
	void controlCharactersAreRefusedButLineBreaksAndTabsAreKept() {
		Document doc = rejected(this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "Bell\u0007 and null\u0000", null,
				"Tab\tin title", "https://example.org/a"));
		assertThat(doc.select(".error-summary a").eachAttr("href")).containsExactly("#narrative", "#evidence-0-title");
		assertThat(doc.select(".error-summary").text()).contains("control character");

		assertThat(this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "Line\n\tindented\r\nend", null)).hasStatus(302);
		assertThat(this.t.entry("PAK", "POL-1").get("narrative")).isEqualTo("Line\n\tindented\nend");
	}

	@Test
	void htmlIsStoredAsTypedAndAlwaysShownAsText() {
		String payload = "<script>alert('x')</script><b onmouseover=alert(1)>bold</b> & \"quotes\"";
		assertThat(this.t.save(this.pak, "PAK", "POL-1", "LIMITED", payload, null, "<img src=x onerror=alert(1)>",
				"https://example.org/?q=<script>")).hasStatus(302);
		assertThat(this.t.entry("PAK", "POL-1").get("narrative")).isEqualTo(payload);
		MvcTestResult result = this.t.get(this.pak, this.t.path("PAK", "POL-1"));
		String html = body(result);
		assertThat(html).doesNotContain("<script>alert").doesNotContain("<b onmouseover").doesNotContain("<img src=x");
		Document doc = page(result);
		assertThat(doc.select("main script, main b, main img")).isEmpty();
		assertThat(doc.select(".entry-content .narrative").text()).isEqualTo(payload);
		assertThat(doc.select(".evidence-links a").text()).isEqualTo("<img src=x onerror=alert(1)>");
		assertThat(doc.select("#narrative").first().wholeText()).isEqualTo(payload);
	}

	@Test
	void chineseAndArabicTextRoundTripsIntactAndIsShownRightToLeftWhereItIs() {
		String chinese = "已制定国家行动计划，维持和平人员的安全得到改善。";
		String arabic = "اعتمدت الحكومة خطة عمل وطنية لحماية المدنيين.";
		String narrative = chinese + "\n" + arabic;
		assertThat(this.t.save(this.pak, "PAK", "POL-1", "SUBSTANTIAL", narrative, null, "تقرير سنوي",
				"https://example.org/تقرير", "年度报告", "https://example.org/报告")).hasStatus(302);
		assertThat(this.t.entry("PAK", "POL-1").get("narrative")).isEqualTo(narrative);
		Document doc = page(this.t.get(this.pak, this.t.path("PAK", "POL-1")));
		assertThat(doc.select(".entry-content .narrative").first().wholeText()).isEqualTo(narrative);
		assertThat(doc.select(".entry-content .narrative").attr("dir")).isEqualTo("auto");
		assertThat(doc.select(".evidence-links a").eachText()).containsExactly("تقرير سنوي", "年度报告");
		assertThat(doc.select(".evidence-links a").eachAttr("href")).containsExactly("https://example.org/تقرير",
				"https://example.org/报告");
	}

	@Test
	void missingValuesGetClearMessagesAndEmptyRowsAreIgnored() {
		MvcTestResult result = this.t.post(this.pak, this.t.path("PAK", "POL-1"))
			.param("narrative", "")
			.param("evidence[0].title", "Only a title")
			.param("evidence[1].title", "")
			.param("evidence[1].url", "")
			.param("evidence[2].url", "https://example.org/only-url")
			.exchange();
		Document doc = rejected(result);
		assertThat(doc.select(".error-summary a").eachAttr("href")).containsExactly("#status", "#evidence-0-url",
				"#evidence-2-title");
		assertThat(doc.select(".error-summary").text()).contains("Select a status")
			.contains("Enter the address of link 1")
			.contains("Enter a title for link 3");
		assertThat(doc.select("#evidence-0-title").val()).isEqualTo("Only a title");
		assertThat(doc.select("#evidence-2-url").val()).isEqualTo("https://example.org/only-url");

		assertThat(this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "ok", null, "First", "https://example.org/1", "", "",
				"Third", "https://example.org/3")).hasStatus(302);
		assertThat(this.t.count("select count(*) from evidence_link el join progress_entry pe on pe.id = el.entry_id "
				+ "join stakeholder s on s.id = pe.stakeholder_id where s.code = 'PAK'")).isEqualTo(2);
		assertThat(page(this.t.get(this.pak, this.t.path("PAK", "POL-1"))).select(".evidence-links a").eachText())
			.containsExactly("First", "Third");
	}

	@Test
	void notApplicableMustBeExplainedAndUnknownStatusesAreRefused() {
		Document doc = rejected(this.t.save(this.pak, "PAK", "POL-1", "NOT_APPLICABLE", "  ", null));
		assertThat(doc.select(".error-summary").text()).contains("Explain in the narrative why the commitment does not apply");
		doc = rejected(this.t.save(this.pak, "PAK", "POL-1", "NO_EVIDENCE", "x", null));
		assertThat(doc.select(".error-summary a").eachAttr("href")).containsExactly("#status");
		doc = rejected(this.t.post(this.pak, this.t.path("PAK", "POL-1")).param("status", "LIMITED")
			.param("version", "not-a-number").exchange());
		assertThat(doc.select(".error-summary").text()).contains("The form could not be read");
	}

	@Test
	void formsNamingInputsNoPageHasAreBadRequests() {
		assertThat(this.t.post(this.pak, this.t.path("PAK", "POL-1")).param("status", "LIMITED")
			.param("evidence[300].title", "x").exchange()).hasStatus(400);
		assertThat(this.t.post(this.pak, this.t.path("PAK", "POL-1")).param("status", "LIMITED")
			.param("evidence[x].title", "x").exchange()).hasStatus(400);
		assertThat(this.t.versionOrNull("PAK", "POL-1")).isNull();
	}

	@Test
	void atMostTenLinks() {
		String[] links = new String[22];
		for (int i = 0; i < 11; i++) {
			links[2 * i] = "Link " + i;
			links[2 * i + 1] = "https://example.org/" + i;
		}
		Document doc = rejected(this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "x", null, links));
		assertThat(doc.select(".error-summary").text()).contains("Give at most 10 evidence links");
		assertThat(doc.select("#evidence-10-url").val()).isEqualTo("https://example.org/10");
	}

	@Test
	void errorsSpeakTheReadersLanguage() {
		MvcTestResult result = this.mvc.post()
			.uri(this.t.path("PAK", "POL-1"))
			.header("Accept-Language", "zh-CN")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(this.pak))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("narrative", "x")
			.exchange();
		assertThat(result).hasStatus(422);
		Document doc = page(result);
		assertThat(doc.select(".error-summary a").text()).isEqualTo("请选择一个状态");
	}

}
