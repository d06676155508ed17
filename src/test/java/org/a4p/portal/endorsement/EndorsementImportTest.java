package org.a4p.portal.endorsement;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.a4p.portal.support.CookieSession;
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
import static org.a4p.portal.support.SignedInUsers.asDelegate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@PortalTest
@Transactional
class EndorsementImportTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private final CookieSession session = new CookieSession();

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private long endorsements() {
		return count("select count(*) from endorsement");
	}

	/** Uploads the file; returns the preview page's address. */
	private String upload(String name, byte[] content) {
		MvcTestResult result = this.mvc.post().uri("/admin/endorsements/import").multipart()
			.file(new MockMultipartFile("file", name, "text/csv", content))
			.with(asAdmin()).with(csrf()).with(this.session).exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND);
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/admin/endorsements/import/");
		return location;
	}

	private String upload(String csv) {
		return upload("endorsements.csv", csv.getBytes(StandardCharsets.UTF_8));
	}

	private Document preview(String location) {
		MvcTestResult result = this.mvc.get().uri(location).with(asAdmin()).with(this.session)
			.header("Accept-Language", "en").exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		return html(result);
	}

	private MvcTestResult apply(String location, String sha256) {
		return this.mvc.post().uri(location + "/apply").with(asAdmin()).with(csrf()).with(this.session)
			.header("Accept-Language", "en").param("sha256", sha256).exchange();
	}

	/** The problems of the row on line {@code line} of the file (as an editor numbers lines: the header is line 1). */
	private static List<String> problemsOfRow(Document page, int line) {
		Element tr = page.getElementById("line-" + line);
		assertThat(tr).as("line " + line).isNotNull();
		return tr.select("ul.problems li").eachText();
	}

	@Test
	void thePreviewListsEveryRowWithEveryProblemAndNothingCanBeApplied() {
		long before = endorsements();
		String location = upload("""
				iso3,endorsed_on,source,note
				FRA,2018-09-25,https://example.org/fra,Fine row
				XYZ,2018-09-25,src,unknown code
				EU,2018-09-25,src,an organization
				DEU,25/09/2018,src,bad date
				ITA,2999-01-01,src,future date
				ESP,2018-09-25,src,first of two
				esp,2018-09-26,src,second of two
				PAK,2018-09-25,src,already endorsed
				BRA,2018-09-25
				ARG,,,no source
				""");
		Document page = preview(location);
		assertThat(page.title()).startsWith("Error: ");
		assertThat(page.select("tbody tr")).hasSize(10);
		assertThat(problemsOfRow(page, 2)).isEmpty();
		assertThat(page.getElementById("line-2").text()).contains("Can be imported").contains("France");
		// each row is numbered as an editor numbers the file's lines: the first row after the header is line 2
		assertThat(page.getElementById("line-2").select("th").text()).isEqualTo("2");
		assertThat(problemsOfRow(page, 3)).containsExactly("There is no stakeholder with the code XYZ");
		assertThat(problemsOfRow(page, 4)).containsExactly("EU is not a Member State: the import records Member States only");
		assertThat(problemsOfRow(page, 5)).containsExactly("The date 25/09/2018 is not a real date in the form YYYY-MM-DD");
		assertThat(problemsOfRow(page, 6)).containsExactly("The date of endorsement cannot be in the future");
		assertThat(problemsOfRow(page, 7)).containsExactly("ESP is also on line 8 of the file");
		assertThat(problemsOfRow(page, 8)).containsExactly("ESP is also on line 7 of the file");
		assertThat(problemsOfRow(page, 9))
			.containsExactly("PAK already has an endorsement in force. Withdraw it first if the state endorsed again.");
		assertThat(problemsOfRow(page, 10)).contains("This row has no value for: source, note");
		assertThat(problemsOfRow(page, 11)).containsExactly("Enter the source: a web address or a document reference");
		// the summary links to each row with problems, by its line
		assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#line-3", "#line-4", "#line-5",
				"#line-6", "#line-7", "#line-8", "#line-9", "#line-10", "#line-11");
		assertThat(page.select(".error-summary a").first().text()).isEqualTo("Line 3: 1 problem");
		assertThat(page.select("form[action$=/apply]")).isEmpty();
		// applying anyway (a forged request) records nothing
		String sha = page.select("dd code").text();
		MvcTestResult refused = apply(location, sha);
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(html(refused).text()).contains("Nothing was imported");
		assertThat(endorsements()).isEqualTo(before);
		assertThat(count("select count(*) from audit_event where action in ('ENDORSEMENT_RECORDED', 'ENDORSEMENTS_IMPORTED')")).isZero();
	}

	@Test
	void aCleanFileIsAppliedAllTogetherWithAnAuditRowPerEndorsementAndOneImportEvent() {
		long before = endorsements();
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = """
				ISO3,endorsed_on,source,note
				FRA,2018-09-25,https://example.org/fra,"Quoted, with a comma"
				deu,,Note verbale,德国 — ألمانيا
				ITA,2019-01-10,Doc A/73/1,
				""".getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, content, 0, bom.length);
		System.arraycopy(body, 0, content, bom.length, body.length);
		String location = upload("with-bom.csv", content);
		Document page = preview(location);
		assertThat(page.title()).doesNotStartWith("Error");
		assertThat(page.select("tr.row-ok")).hasSize(3);
		assertThat(page.select("form[action$=/apply] button").text()).isEqualTo("Import all 3 endorsements");
		String sha = page.select("form[action$=/apply] input[name=sha256]").val();
		MvcTestResult applied = apply(location, sha);
		assertThat(applied).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/endorsements");
		assertThat(endorsements()).isEqualTo(before + 3);
		Map<String, Object> deu = this.jdbc.sql("select e.endorsed_on, e.source, e.note from endorsement e "
				+ "join stakeholder s on s.id = e.stakeholder_id where s.code = 'DEU'").query().singleRow();
		assertThat(deu.get("endorsed_on")).isNull();
		assertThat(deu.get("note")).isEqualTo("德国 — ألمانيا");
		assertThat(this.jdbc.sql("select note from endorsement e join stakeholder s on s.id = e.stakeholder_id "
				+ "where s.code = 'FRA'").query(String.class).single()).isEqualTo("Quoted, with a comma");
		assertThat(count("select count(*) from audit_event where action = 'ENDORSEMENT_RECORDED' "
				+ "and summary like '%imported from with-bom.csv%'")).isEqualTo(3);
		Map<String, Object> event = this.jdbc.sql("select actor, entity_type, after_state::text as after_state "
				+ "from audit_event where action = 'ENDORSEMENTS_IMPORTED'").query().singleRow();
		assertThat(event.get("actor")).isEqualTo("test-admin");
		assertThat(event.get("entity_type")).isEqualTo("endorsement_import");
		assertThat(event.get("after_state").toString()).contains("\"rows\": 3").contains(sha);
		// the upload is gone from the session once applied
		assertThat(this.mvc.get().uri(location).with(asAdmin()).with(this.session).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aNulOrAnotherControlCharacterInAValueIsAProblemOfItsRowAndNothingIsApplied() {
		long before = endorsements();
		String location = upload("iso3,endorsed_on,source,note\n"
				+ "FRA,2018-09-25,https://example.org/fra,\"a note with a NUL \u0000 inside\"\n"
				+ "DEU,2018-09-25,\"src\u0007\",fine\n"
				+ "ITA,2018-09-25,src,\"two lines\nare fine\"\n");
		Document page = preview(location);
		assertThat(problemsOfRow(page, 2)).containsExactly("The value of the column note contains a control character "
				+ "that cannot be stored (for example a null character, U+0000): remove it from the file");
		assertThat(problemsOfRow(page, 3)).containsExactly("The value of the column source contains a control character "
				+ "that cannot be stored (for example a null character, U+0000): remove it from the file");
		assertThat(problemsOfRow(page, 4)).as("a value over two lines starts on line 4").isEmpty();
		assertThat(page.select("form[action$=/apply]")).isEmpty();
		MvcTestResult refused = apply(location, page.select("dd code").text());
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(html(refused).text()).contains("Nothing was imported");
		assertThat(endorsements()).isEqualTo(before);
	}

	@Test
	void theFileIsCheckedAgainWhenApplied() {
		long before = endorsements();
		String location = upload("""
				iso3,endorsed_on,source,note
				FRA,2018-09-25,src,
				DEU,2018-09-25,src,
				""");
		String sha = preview(location).select("input[name=sha256]").val();
		// meanwhile someone records Germany by hand
		assertThat(this.mvc.post().uri("/admin/endorsements").with(asAdmin()).with(csrf())
			.param("stakeholderCode", "DEU").param("source", "by hand").exchange()).hasStatus(HttpStatus.FOUND);
		MvcTestResult refused = apply(location, sha);
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		Document page = html(refused);
		assertThat(page.text()).contains("Nothing was imported");
		assertThat(problemsOfRow(page, 3)).anySatisfy((p) -> assertThat(p).contains("DEU already has an endorsement in force"));
		assertThat(endorsements()).isEqualTo(before + 1);
		assertThat(count("select count(*) from endorsement e join stakeholder s on s.id = e.stakeholder_id "
				+ "where s.code = 'FRA'")).isZero();
	}

	@Test
	void anApplyWhoseHashDoesNotMatchThePreviewIsNotApplied() {
		long before = endorsements();
		String location = upload("iso3,endorsed_on,source,note\nFRA,2018-09-25,src,\n");
		MvcTestResult result = apply(location, "0000");
		assertThat(result).hasStatus(HttpStatus.CONFLICT);
		assertThat(html(result).text()).contains("The file you confirmed is not the one checked here");
		assertThat(endorsements()).isEqualTo(before);
	}

	@Test
	void problemsOfTheWholeFileAreListed() {
		Document missingColumn = preview(upload("iso3,endorsed_on,source\nFRA,2018-09-25,src\n"));
		assertThat(missingColumn.select(".error-summary li").eachText()).containsExactly("The header has no column note");
		Document unknownColumn = preview(upload("iso3,endorsed_on,source,note,date\nFRA,2018-09-25,src,,\n"));
		assertThat(unknownColumn.select(".error-summary li").text()).contains("names a column date");
		Document headerOnly = preview(upload("iso3,endorsed_on,source,note\n"));
		assertThat(headerOnly.select(".error-summary li").text()).contains("has a header but no rows");
		Document notUtf8 = preview(upload("latin1.csv",
				"iso3,endorsed_on,source,note\nFRA,2018-09-25,Déclaration,\n".getBytes(StandardCharsets.ISO_8859_1)));
		assertThat(notUtf8.select(".error-summary li").text()).contains("not UTF-8");
		StringBuilder many = new StringBuilder("iso3,endorsed_on,source,note\n");
		for (int i = 0; i < 1001; i++) {
			many.append("FRA,2018-09-25,src,\n");
		}
		Document tooMany = preview(upload(many.toString()));
		assertThat(tooMany.select(".error-summary li").text()).contains("more than 1,000 rows");
		for (Document page : List.of(missingColumn, unknownColumn, headerOnly, notUtf8, tooMany)) {
			assertThat(page.select("form[action$=/apply]")).isEmpty();
		}
	}

	@Test
	void aMissingOrTooLargeFileIsRefusedOnTheUploadForm() {
		MvcTestResult none = this.mvc.post().uri("/admin/endorsements/import").with(asAdmin()).with(csrf())
			.header("Accept-Language", "en").exchange();
		assertThat(none).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		Document page = html(none);
		assertThat(page.title()).startsWith("Error: ");
		assertThat(page.select(".error-summary a[href=#file]").text()).isEqualTo("Choose a CSV file to upload");
		assertThat(page.getElementById("file").attr("aria-describedby")).contains("file-error");
		byte[] large = new byte[EndorsementCsv.MAX_BYTES + 1];
		java.util.Arrays.fill(large, (byte) 'a');
		MvcTestResult tooLarge = this.mvc.post().uri("/admin/endorsements/import").multipart()
			.file(new MockMultipartFile("file", "big.csv", "text/csv", large))
			.with(asAdmin()).with(csrf()).header("Accept-Language", "en").exchange();
		assertThat(tooLarge).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(html(tooLarge).select(".error-summary a[href=#file]").text()).isEqualTo("The file is larger than 1 MB");
	}

	@Test
	void anUploadBelongsToTheSessionThatMadeIt() {
		String location = upload("iso3,endorsed_on,source,note\nFRA,2018-09-25,src,\n");
		assertThat(this.mvc.get().uri(location).with(asAdmin()).with(new CookieSession()).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		long pak = this.jdbc.sql("select id from stakeholder where code = 'PAK'").query(Long.class).single();
		assertThat(this.mvc.get().uri(location).with(asDelegate(pak, "PAK")).with(this.session).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
	}

}
