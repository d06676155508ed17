package org.a4p.portal.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.a4p.portal.support.CookieSession;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.Pages.html;
import static org.a4p.portal.support.SignedInUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Catalogue versions (issue 12, part 5): an administrator loads a text file of commitment texts as a new
 * version, all or nothing; the preview names every row's problem by the line an editor shows; the pages
 * show the current version's text per language, English marked as such where a language lacks it; earlier
 * versions stay readable with a comparison; history and figures do not change. Each test is rolled back.
 */
@PortalTest
@Transactional
class CatalogueVersionsTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private final CookieSession session = new CookieSession();

	@Test
	void badRowsAreRefusedAllOrNothingWithAProblemPerRowAtTheLineAnEditorShows() {
		long versions = count("select count(*) from catalogue_version");
		String csv = """
				code,language,title,text,source
				POL-99,fr,Titre,Texte,official
				POL-1,de,Titel,Text,official
				POL-2,fr,Titre,,official
				"POL-3",fr,"Un titre","Un texte
				sur deux lignes",official
				POL-3,fr,Encore,Texte,official
				POL-4,fr,Titre,Texte,unofficial
				""";
		Document preview = preview(upload("catalogue.csv", csv));
		assertThat(problemsAt(preview, 2)).containsExactly("There is no commitment with the code POL-99");
		assertThat(problemsAt(preview, 3)).containsExactly("The language de is not one of the six (ar, zh, en, fr, ru, es)");
		assertThat(problemsAt(preview, 4)).containsExactly("No text");
		// the quoted text spans lines 5 and 6: the next row starts on line 7, as an editor numbers it
		assertThat(problemsAt(preview, 5)).isEmpty();
		assertThat(problemsAt(preview, 7)).containsExactly("This commitment already has a text in this language on line 5");
		assertThat(problemsAt(preview, 8)).containsExactly("The source unofficial is not official, secondary or seed");
		// the error summary links to each row with problems
		assertThat(preview.select(".error-summary a").eachAttr("href")).containsExactly("#line-2", "#line-3", "#line-4",
				"#line-7", "#line-8");
		assertThat(preview.select("form[action$=/apply]")).isEmpty();
		assertThat(preview.text()).contains("Correct the file and upload it again");
		assertThat(count("select count(*) from catalogue_version")).isEqualTo(versions);
	}

	@Test
	void aLanguageTheFileGivesMustGiveEveryCommitmentAndNothingIsLoadedUntilThen() {
		long versions = count("select count(*) from catalogue_version");
		String location = upload("catalogue.csv", "code,language,title,text,source\nPOL-1,fr,Titre,Texte,official\n");
		Document preview = preview(location);
		assertThat(preview.select(".error-summary li").text()).startsWith("French: the file gives no text for 44 commitments (POL-2, ");
		// apply anyway (as if the form were sent): refused, nothing written
		MvcTestResult applied = apply(location, sha256(preview), "official-fr");
		assertThat(applied).hasStatus(HttpStatus.CONFLICT);
		assertThat(html(applied).select(".error-summary").text()).contains("nothing was loaded");
		assertThat(count("select count(*) from catalogue_version")).isEqualTo(versions);
	}

	@Test
	void aGoodFileCreatesTheCurrentVersionAndPagesShowItsTextOrMarkedEnglish() {
		String before = currentLabel();
		String location = upload("french.csv", french("Texte officiel"));
		Document preview = preview(location);
		assertThat(preview.select(".error-summary")).isEmpty();
		assertThat(preview.select(".preview-languages").text()).isEqualTo("French");
		assertThat(preview.select("tr.row-ok")).hasSize(45);
		// a name is required, and must be new
		assertThat(html(apply(location, sha256(preview), "")).select("#label-error").text()).contains("Enter a name");
		assertThat(html(apply(location, sha256(preview), before)).select("#label-error").text())
			.contains("There is already a version named");
		MvcTestResult loaded = apply(location, sha256(preview), "official-fr-2026");
		assertThat(loaded).hasStatus(HttpStatus.FOUND);
		assertThat(loaded.getResponse().getRedirectedUrl()).isEqualTo("/admin/catalogue");
		assertThat(currentLabel()).isEqualTo("official-fr-2026");
		Map<String, Object> audit = this.jdbc.sql("select action, after_state::text as after from audit_event "
				+ "order by id desc limit 1").query().singleRow();
		assertThat(audit.get("action")).isEqualTo("CATALOGUE_VERSION_LOADED");
		assertThat(audit.get("after").toString()).contains("\"languages\": \"fr\"").contains("\"rows\": 45")
			.contains("\"replaces\": \"" + before + "\"");
		// French from the file; Chinese and English carried over; Russian: English, marked, with a note
		Document fr = Html.get(this.mvc, "/commitments/POL-1", "fr");
		assertThat(fr.select(".commitment-text").text()).isEqualTo("Texte officiel POL-1");
		assertThat(fr.select(".commitment-text").attr("lang")).isEmpty();
		assertThat(fr.select(".fallback-note")).isEmpty();
		assertThat(fr.select(".commitment-version").text()).isEqualTo("official-fr-2026");
		Document zh = Html.get(this.mvc, "/commitments/POL-1", "zh");
		assertThat(zh.select(".commitment-text").text()).isEqualTo("在各自任务和职责范围内、包括在国家和区域各级加强互动协作，推动冲突的政治解决");
		Document ru = Html.get(this.mvc, "/commitments/POL-1", "ru");
		assertThat(ru.select(".commitment-text").attr("lang")).isEqualTo("en");
		assertThat(ru.select("h1").attr("lang")).isEqualTo("en");
		assertThat(ru.select(".fallback-note").text()).isEqualTo("Этот текст пока не переведен на русский язык; он приводится на английском языке.");
		Document en = Html.get(this.mvc, "/commitments/POL-1", "en");
		assertThat(en.select(".commitment-text").text()).startsWith("Strengthen engagement");
		assertThat(en.select(".fallback-note")).isEmpty();
	}

	@Test
	void earlierVersionsStayReadableWithAComparisonCommitmentByCommitment() {
		long first = this.jdbc.sql("select id from catalogue_version where is_current").query(Long.class).single();
		String firstLabel = currentLabel();
		load("english-2026", english("POL-1", "Strengthen engagement, within respective mandates, to advance lasting political solutions to conflict."));
		long second = this.jdbc.sql("select id from catalogue_version where is_current").query(Long.class).single();
		Document about = Html.get(this.mvc, "/about", "en");
		assertThat(about.select(".catalogue-versions tbody th a").eachText()).containsExactly("english-2026", firstLabel);
		Document old = Html.get(this.mvc, "/about/versions/" + first, "en");
		assertThat(old.select(".version-superseded")).hasSize(1);
		assertThat(old.select("#commitment-POL-1").text()).contains("Strengthen engagement, within respective mandates and "
				+ "responsibilities and including at the national and regional levels");
		Document compared = Html.get(this.mvc, "/about/versions/" + second, "en");
		assertThat(compared.select(".version-current")).hasSize(1);
		assertThat(compared.select(".comparison-summary").text()).isEqualTo("Compared with version “" + firstLabel
				+ "”: 1 commitment differs.");
		Element pol1 = compared.getElementById("commitment-POL-1");
		assertThat(pol1.attr("data-changed")).isEqualTo("true");
		assertThat(pol1.select("ins").text()).contains("lasting");
		assertThat(pol1.select("del").text()).contains("responsibilities and including at the national and regional levels");
		assertThat(compared.getElementById("commitment-POL-2").attr("data-changed")).isEqualTo("false");
		// another comparison, by choice: the version with itself is no comparison
		Document self = Html.get(this.mvc, "/about/versions/" + second + "?compare=" + second, "en");
		assertThat(self.select(".comparison-summary").text()).isEqualTo("No other version to compare with.");
		assertThat(this.mvc.get().uri("/about/versions/" + second + "?compare=999999").exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void historyAndFiguresAreTheSameAfterANewVersion() {
		EntryTestSupport t = new EntryTestSupport(this.mvc, this.jdbc);
		t.publish("PAK", "POL-1", "SUBSTANTIAL");
		String entry = t.path("PAK", "POL-1");
		String historyBefore = html(t.get(t.secretariat(), entry)).select("#history-heading + ol").text();
		String dashboardBefore = Html.get(this.mvc, "/", "en").select("table.figures-table").text();
		String stakeholderBefore = Html.get(this.mvc, "/stakeholders/PAK", "en").select(".applicable").text();
		long revisions = count("select count(*) from progress_entry_revision");
		load("english-2027", english("POL-1", "A new English text of POL-1."));
		assertThat(html(t.get(t.secretariat(), entry)).select("#history-heading + ol").text()).isEqualTo(historyBefore);
		assertThat(Html.get(this.mvc, "/", "en").select("table.figures-table").text()).isEqualTo(dashboardBefore);
		// the stakeholder page shows the same figures and statuses; only POL-1's title could differ, and did not
		assertThat(Html.get(this.mvc, "/stakeholders/PAK", "en").select(".applicable").text()).isEqualTo(stakeholderBefore);
		assertThat(count("select count(*) from progress_entry_revision")).isEqualTo(revisions);
		assertThat(Html.get(this.mvc, "/commitments/POL-1", "en").select(".commitment-text").text())
			.isEqualTo("A new English text of POL-1.");
	}

	@Test
	void aYamlFileIsReadLikeACsvFile() {
		String yaml = """
				commitments:
				  - code: POL-1
				    language: es
				    title: Título
				    text: Texto
				    source: official
				  - code: POL-99
				    language: es
				    title: Título
				    text: Texto
				    source: official
				""";
		Document preview = preview(upload("catalogo.yaml", yaml));
		assertThat(problemsAt(preview, 2)).isEmpty();
		assertThat(problemsAt(preview, 7)).containsExactly("There is no commitment with the code POL-99");
		assertThat(preview.select(".error-summary").text()).contains("Spanish: the file gives no text for 44 commitments");
	}

	// -------------------------------------------------------------------------------------------------

	private void load(String label, String csv) {
		String location = upload("catalogue.csv", csv);
		Document preview = preview(location);
		assertThat(preview.select(".error-summary").text()).isEmpty();
		assertThat(apply(location, sha256(preview), label)).hasStatus(HttpStatus.FOUND);
	}

	/** A French text for every commitment: the prefix and the code. */
	private String french(String prefix) {
		StringBuilder csv = new StringBuilder("code,language,title,text,source\n");
		for (String code : codes()) {
			csv.append(code).append(",fr,Titre ").append(code).append(',').append(prefix).append(' ').append(code)
				.append(",official\n");
		}
		return csv.toString();
	}

	/** The current English texts of every commitment, with one changed. */
	private String english(String changedCode, String changedText) {
		StringBuilder csv = new StringBuilder("code,language,title,text,source\n");
		this.jdbc.sql("""
				select c.code, t.title, t.body, t.source from commitment c join area a on a.id = c.area_id
				join commitment_text t on t.commitment_id = c.id and t.lang = 'en'
				join catalogue_version v on v.id = t.catalogue_version_id and v.is_current
				order by a.position, c.position
				""").query((rs) -> {
			String code = rs.getString("code");
			String body = code.equals(changedCode) ? changedText : rs.getString("body");
			csv.append(code).append(",en,").append(quoted(rs.getString("title"))).append(',').append(quoted(body))
				.append(',').append(rs.getString("source")).append('\n');
		});
		return csv.toString();
	}

	private static String quoted(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	private List<String> codes() {
		return this.jdbc.sql("select c.code from commitment c join area a on a.id = c.area_id order by a.position, c.position")
			.query(String.class)
			.list();
	}

	private String currentLabel() {
		return this.jdbc.sql("select label from catalogue_version where is_current").query(String.class).single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private String upload(String name, String content) {
		MvcTestResult result = this.mvc.post().uri("/admin/catalogue/import").multipart()
			.file(new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8)))
			.with(asAdmin()).with(csrf()).with(this.session).exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND);
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/admin/catalogue/import/");
		return location;
	}

	private Document preview(String location) {
		MvcTestResult result = this.mvc.get().uri(location).with(asAdmin()).with(this.session)
			.header("Accept-Language", "en").exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		return html(result);
	}

	private MvcTestResult apply(String location, String sha256, String label) {
		return this.mvc.post().uri(location + "/apply").with(asAdmin()).with(csrf()).with(this.session)
			.header("Accept-Language", "en").param("sha256", sha256).param("label", label)
			.param("description", "Test version").exchange();
	}

	private static String sha256(Document preview) {
		return preview.select(".row dd code").first().text();
	}

	private static List<String> problemsAt(Document page, int line) {
		Element tr = page.getElementById("line-" + line);
		assertThat(tr).as("line " + line).isNotNull();
		return tr.select("ul.problems li").eachText();
	}

}
