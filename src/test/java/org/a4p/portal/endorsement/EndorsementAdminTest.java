package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.util.Map;

import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.Pages.assertFormErrors;
import static org.a4p.portal.support.Pages.html;
import static org.a4p.portal.support.SignedInUsers.asAdmin;
import static org.a4p.portal.support.SignedInUsers.asDelegate;
import static org.a4p.portal.support.SignedInUsers.asSecretariat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@PortalTest
@Transactional
class EndorsementAdminTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private long stakeholderId(String code) {
		return this.jdbc.sql("select id from stakeholder where code = ?").param(code).query(Long.class).single();
	}

	private long endorsementInForce(String code) {
		return this.jdbc.sql("select e.id from endorsement e join stakeholder s on s.id = e.stakeholder_id "
				+ "where s.code = ? and e.withdrawn_on is null").param(code).query(Long.class).single();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private Map<String, Object> lastAudit() {
		return this.jdbc.sql("select actor, action, entity_type, entity_id, summary, before_state::text as before_state, "
				+ "after_state::text as after_state from audit_event order by id desc limit 1").query().singleRow();
	}

	private MvcTestResult record(String code, String date, String source, String note) {
		return this.mvc.post().uri("/admin/endorsements").with(asAdmin()).with(csrf())
			.header("Accept-Language", "en")
			.param("stakeholderCode", code).param("endorsedOn", date).param("source", source).param("note", note)
			.exchange();
	}

	@Test
	void adminRecordsAnEndorsementWithAnAuditRowOfItsValues() {
		MvcTestResult result = record("fra", "2018-09-25", "https://example.org/a4p", "Endorsed at the high-level meeting");
		assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/endorsements");
		assertThat(result).flash().containsEntry("flashKey", "admin.endorsements.recorded");
		Map<String, Object> row = this.jdbc.sql("select e.endorsed_on::text as endorsed_on, e.source, e.note, e.withdrawn_on "
				+ "from endorsement e where e.stakeholder_id = ?").param(stakeholderId("FRA")).query().singleRow();
		assertThat(row.get("endorsed_on")).isEqualTo("2018-09-25");
		assertThat(row.get("source")).isEqualTo("https://example.org/a4p");
		assertThat(row.get("withdrawn_on")).isNull();
		Map<String, Object> audit = lastAudit();
		assertThat(audit.get("actor")).isEqualTo("test-admin");
		assertThat(audit.get("action")).isEqualTo("ENDORSEMENT_RECORDED");
		assertThat(audit.get("entity_type")).isEqualTo("endorsement");
		assertThat(audit.get("before_state")).isNull();
		assertThat(audit.get("after_state").toString()).contains("\"stakeholder\": \"FRA\"")
			.contains("\"endorsedOn\": \"2018-09-25\"");
		// the list shows it
		Document list = html(this.mvc.get().uri("/admin/endorsements?kind=MEMBER_STATE&q=FRA").with(asAdmin()).exchange());
		assertThat(list.select("tbody tr")).hasSize(1);
		assertThat(list.select("tbody tr").text()).contains("France").contains("25 September 2018").contains("In force");
		assertThat(list.select("tbody tr a[href=https://example.org/a4p]")).hasSize(1);
	}

	@Test
	void anEmptyDateMeansNotRecorded() {
		assertThat(record("BRA", "", "A/73/ reference", "")).hasStatus(HttpStatus.FOUND);
		assertThat(count("select count(*) from endorsement where stakeholder_id = ? and endorsed_on is null and note is null",
				stakeholderId("BRA"))).isEqualTo(1);
	}

	@Test
	void aRefusedFormIsShownAgainWithEveryValueAndEachErrorLinkedToItsInput() {
		MvcTestResult result = record("XXX", "2026-13-45", "", "<b>kept</b>");
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		Document page = html(result);
		assertThat(assertFormErrors(page)).containsExactlyInAnyOrder("stakeholderCode", "endorsedOn", "source");
		// the stakeholder is chosen from a list: a code that is not in it (a forged request) is not offered again
		assertThat(page.select("#stakeholderCode option[selected]")).isEmpty();
		assertThat(page.getElementById("endorsedOn").val()).isEqualTo("2026-13-45");
		assertThat(page.getElementById("note").val()).isEqualTo("<b>kept</b>");
		assertThat(page.select(".error-summary").text()).contains("There is no stakeholder with the code XXX")
			.contains("Enter a real date").contains("Enter the source");
		assertThat(page.title()).isEqualTo("Error: Record an endorsement – A4P commitments portal");
		assertThat(count("select count(*) from audit_event where action = 'ENDORSEMENT_RECORDED'")).isZero();
	}

	@Test
	void aDateInTheFutureIsRefused() {
		Document page = html(record("FRA", "2999-01-01", "source", ""));
		assertThat(assertFormErrors(page)).containsExactly("endorsedOn");
		assertThat(page.getElementById("endorsedOn-error").text()).contains("cannot be in the future");
		assertThat(count("select count(*) from endorsement where stakeholder_id = ?", stakeholderId("FRA"))).isZero();
	}

	@Test
	void theSecretariatCannotEndorse() {
		Document page = html(record("SECRETARIAT", "2018-09-25", "source", ""));
		assertThat(assertFormErrors(page)).containsExactly("stakeholderCode");
		assertThat(page.getElementById("stakeholderCode-error").text()).contains("The Secretariat does not endorse");
	}

	@Test
	void theStakeholderIsChosenFromAListOfMemberStatesAndOrganizationsNotTyped() {
		Document page = html(this.mvc.get().uri("/admin/endorsements/new").with(asAdmin()).header("Accept-Language", "en")
			.exchange());
		assertThat(page.select("input#stakeholderCode")).isEmpty();
		assertThat(page.select("select#stakeholderCode optgroup").eachAttr("label"))
			.containsExactly("Member States", "Partner organizations");
		assertThat(page.select("select#stakeholderCode optgroup[label=Member States] option")).hasSize(193);
		assertThat(page.select("select#stakeholderCode option[value=PAK]").text()).isEqualTo("Pakistan (PAK)");
		assertThat(page.select("select#stakeholderCode optgroup[label=Partner organizations] option").eachAttr("value"))
			.contains("EU");
		assertThat(page.select("select#stakeholderCode option[value=SECRETARIAT]")).isEmpty();
		// the label names the list; its first option asks to choose
		assertThat(page.select("label[for=stakeholderCode]").text()).isEqualTo("Member State or organization");
		assertThat(page.select("select#stakeholderCode option").first().val()).isEmpty();
	}

	@Test
	void aStakeholderWithAnEndorsementInForceCannotGetASecondOne() {
		Document page = html(record("PAK", "2020-01-01", "source", ""));
		assertThat(assertFormErrors(page)).containsExactly("stakeholderCode");
		// shown again with the state still chosen
		assertThat(page.select("#stakeholderCode option[selected]").val()).isEqualTo("PAK");
		assertThat(page.getElementById("stakeholderCode-error").text()).contains("PAK already has an endorsement in force");
		assertThat(count("select count(*) from endorsement where stakeholder_id = ?", stakeholderId("PAK"))).isEqualTo(1);
	}

	@Test
	void withdrawingKeepsTheRecordAndThePublicCountDrops() {
		assertThat(html(this.mvc.get().uri("/").header("Accept-Language", "en").exchange()).text())
			.contains("3 Member States, 4 organizations");
		long id = endorsementInForce("PAK");
		Document form = html(this.mvc.get().uri("/admin/endorsements/" + id + "/withdraw").with(asAdmin()).exchange());
		String version = form.getElementById("version").val();
		MvcTestResult result = this.mvc.post().uri("/admin/endorsements/" + id + "/withdraw").with(asAdmin()).with(csrf())
			.param("withdrawnOn", "2025-06-30").param("reason", "Letter of the Permanent Mission").param("version", version)
			.exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/endorsements");
		Map<String, Object> row = this.jdbc.sql("select withdrawn_on::text as withdrawn_on, withdrawal_reason, "
				+ "endorsed_on::text as endorsed_on from endorsement where id = ?").param(id).query().singleRow();
		assertThat(row).containsEntry("withdrawn_on", "2025-06-30")
			.containsEntry("withdrawal_reason", "Letter of the Permanent Mission")
			.containsEntry("endorsed_on", "2018-08-17");
		assertThat(html(this.mvc.get().uri("/").header("Accept-Language", "en").exchange()).text())
			.contains("2 Member States, 4 organizations");
		Map<String, Object> audit = lastAudit();
		assertThat(audit.get("action")).isEqualTo("ENDORSEMENT_WITHDRAWN");
		assertThat(audit.get("entity_id")).isEqualTo(String.valueOf(id));
		assertThat(audit.get("before_state").toString()).contains("\"withdrawnOn\": null");
		assertThat(audit.get("after_state").toString()).contains("\"withdrawnOn\": \"2025-06-30\"")
			.contains("\"withdrawalReason\": \"Letter of the Permanent Mission\"");
		// still listed, shown as withdrawn
		Document list = html(this.mvc.get().uri("/admin/endorsements?q=PAK&status=WITHDRAWN").with(asAdmin()).exchange());
		assertThat(list.select("tbody tr")).hasSize(1);
		assertThat(list.select("tbody tr").text()).contains("Withdrawn").contains("30 June 2025");
		assertThat(list.select("tbody tr a[href$=/withdraw]")).isEmpty();
	}

	@Test
	void aStateThatWithdrewMayEndorseAgainAsANewRecord() {
		long id = endorsementInForce("PAK");
		this.jdbc.sql("update endorsement set withdrawn_on = date '2024-01-01', withdrawal_reason = 'test' where id = ?")
			.param(id).update();
		Document refused = html(record("PAK", "2023-06-01", "source", ""));
		assertThat(refused.getElementById("endorsedOn-error").text()).contains("before the last withdrawal (1 January 2024)");
		assertThat(record("PAK", "2025-02-01", "Note verbale", "")).hasStatus(HttpStatus.FOUND);
		assertThat(count("select count(*) from endorsement where stakeholder_id = ?", stakeholderId("PAK"))).isEqualTo(2);
		assertThat(count("select count(*) from endorsement where stakeholder_id = ? and withdrawn_on is null",
				stakeholderId("PAK"))).isEqualTo(1);
	}

	@Test
	void aCorrectedDateCannotReachBackIntoThePreviousEndorsementsPeriod() {
		long first = endorsementInForce("PAK");
		this.jdbc.sql("update endorsement set withdrawn_on = date '2024-01-01', withdrawal_reason = 'test' where id = ?")
			.param(first).update();
		assertThat(record("PAK", "2025-02-01", "Note verbale", "")).hasStatus(HttpStatus.FOUND);
		long second = endorsementInForce("PAK");
		Document form = html(this.mvc.get().uri("/admin/endorsements/" + second + "/edit").with(asAdmin()).exchange());
		MvcTestResult refused = this.mvc.post().uri("/admin/endorsements/" + second + "/edit").with(asAdmin()).with(csrf())
			.header("Accept-Language", "en")
			.param("endorsedOn", "2023-06-01").param("source", "Note verbale").param("note", "")
			.param("version", form.getElementById("version").val())
			.exchange();
		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		Document page = html(refused);
		assertThat(assertFormErrors(page)).containsExactly("endorsedOn");
		assertThat(page.getElementById("endorsedOn-error").text())
			.contains("before the withdrawal of the stakeholder's previous endorsement (1 January 2024)");
		assertThat(this.jdbc.sql("select endorsed_on from endorsement where id = ?").param(second)
			.query(LocalDate.class).single()).isEqualTo(LocalDate.of(2025, 2, 1));
		// on or after that withdrawal is a correction like any other; the first endorsement has no previous one
		assertThat(this.mvc.post().uri("/admin/endorsements/" + second + "/edit").with(asAdmin()).with(csrf())
			.param("endorsedOn", "2024-01-01").param("source", "Note verbale").param("note", "")
			.param("version", form.getElementById("version").val())
			.exchange()).hasStatus(HttpStatus.FOUND);
	}

	@Test
	void aWithdrawalNeedsADateNotBeforeTheEndorsementAndAReason() {
		long id = endorsementInForce("PAK");
		String version = html(this.mvc.get().uri("/admin/endorsements/" + id + "/withdraw").with(asAdmin()).exchange())
			.getElementById("version").val();
		Document empty = html(this.mvc.post().uri("/admin/endorsements/" + id + "/withdraw").with(asAdmin()).with(csrf())
			.param("version", version).param("reason", " ").exchange());
		assertThat(assertFormErrors(empty)).containsExactlyInAnyOrder("withdrawnOn", "reason");
		MvcTestResult early = this.mvc.post().uri("/admin/endorsements/" + id + "/withdraw").with(asAdmin()).with(csrf())
			.param("version", version).param("withdrawnOn", "2018-08-16").param("reason", "Some reason").exchange();
		assertThat(early).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		Document page = html(early);
		assertThat(assertFormErrors(page)).containsExactly("withdrawnOn");
		assertThat(page.getElementById("withdrawnOn-error").text()).contains("before the endorsement (17 August 2018)");
		assertThat(page.getElementById("withdrawnOn").val()).isEqualTo("2018-08-16");
		assertThat(page.getElementById("reason").val()).isEqualTo("Some reason");
		assertThat(count("select count(*) from endorsement where id = ? and withdrawn_on is null", id)).isEqualTo(1);
	}

	@Test
	void editingCorrectsTheRecordAndAuditsBeforeAndAfter() {
		long id = endorsementInForce("PHL");
		Document form = html(this.mvc.get().uri("/admin/endorsements/" + id + "/edit").with(asAdmin()).exchange());
		assertThat(form.select("h1").text()).contains("Philippines (PHL)");
		MvcTestResult result = this.mvc.post().uri("/admin/endorsements/" + id + "/edit").with(asAdmin()).with(csrf())
			.param("endorsedOn", form.getElementById("endorsedOn").val())
			.param("source", "https://example.org/corrected")
			.param("note", form.getElementById("note").val())
			.param("version", form.getElementById("version").val())
			.exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND);
		assertThat(this.jdbc.sql("select source from endorsement where id = ?").param(id).query(String.class).single())
			.isEqualTo("https://example.org/corrected");
		Map<String, Object> audit = lastAudit();
		assertThat(audit.get("action")).isEqualTo("ENDORSEMENT_EDITED");
		assertThat(audit.get("before_state").toString()).contains("A4P reference catalogue");
		assertThat(audit.get("after_state").toString()).contains("https://example.org/corrected");
	}

	@Test
	void aConflictPageNamesTheOtherAdministratorWhoChangedTheRecord() {
		long id = endorsementInForce("PHL");
		String version = html(this.mvc.get().uri("/admin/endorsements/" + id + "/edit").with(asAdmin()).exchange())
			.getElementById("version").val();
		assertThat(this.mvc.post().uri("/admin/endorsements/" + id + "/edit")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("other.admin")
				.roles("ADMIN"))
			.with(csrf()).param("source", "Their source").param("version", version).exchange()).hasStatus(HttpStatus.FOUND);
		Document page = html(this.mvc.post().uri("/admin/endorsements/" + id + "/edit").with(asAdmin()).with(csrf())
			.header("Accept-Language", "en").param("source", "My source").param("version", version).exchange());
		assertThat(page.select(".conflict-last-change").text())
			.startsWith("The last change was made by other.admin after you opened this form: Endorsement changed,")
			.endsWith(" UTC.");
	}

	@Test
	void anEditOfAStaleVersionGetsAConflictPageShowingBothVersions() {
		long id = endorsementInForce("PHL");
		Document form = html(this.mvc.get().uri("/admin/endorsements/" + id + "/edit").with(asAdmin()).exchange());
		String version = form.getElementById("version").val();
		// someone else saves first
		assertThat(this.mvc.post().uri("/admin/endorsements/" + id + "/edit").with(asAdmin()).with(csrf())
			.param("source", "Their source").param("version", version).exchange()).hasStatus(HttpStatus.FOUND);
		MvcTestResult late = this.mvc.post().uri("/admin/endorsements/" + id + "/edit").with(asAdmin()).with(csrf())
			.header("Accept-Language", "en").param("source", "My source").param("version", version).exchange();
		assertThat(late).hasStatus(HttpStatus.CONFLICT);
		Document page = html(late);
		assertThat(page.select("h1").text()).isEqualTo("This record changed while you were editing it");
		// the same administrator saved it first (another tab): the page says so, not "someone else"
		assertThat(page.select(".conflict-last-change").text()).startsWith(
				"You made the last change yourself, in another tab or window, after this form was opened: Endorsement changed,");
		Element sourceRow = page.select("tbody tr").stream().filter((tr) -> tr.select("th").text().equals("Source"))
			.findFirst().orElseThrow();
		assertThat(sourceRow.select("td").eachText()).containsExactly("My source", "Their source");
		assertThat(page.select("a[href=/admin/endorsements/" + id + "/edit]")).hasSize(1);
		assertThat(this.jdbc.sql("select source from endorsement where id = ?").param(id).query(String.class).single())
			.isEqualTo("Their source");
	}

	@Test
	void notesInAnyScriptAreStoredIntactAndShownAsText() throws Exception {
		String note = "巴基斯坦核准 — باكستان تؤيد <script>alert('x')</script>";
		assertThat(record("DEU", "2018-09-25", "<img src=x onerror=alert(1)>", note)).hasStatus(HttpStatus.FOUND);
		assertThat(this.jdbc.sql("select note from endorsement where stakeholder_id = ?").param(stakeholderId("DEU"))
			.query(String.class).single()).isEqualTo(note);
		MvcTestResult list = this.mvc.get().uri("/admin/endorsements?q=DEU").with(asAdmin()).exchange();
		String body = list.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).contains("巴基斯坦核准 — باكستان تؤيد &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain("<script>alert").doesNotContain("<img src=x");
		Document page = html(list);
		assertThat(page.select("td.note").text()).isEqualTo(note);
		assertThat(page.select("script:not([src])")).as("no inline script").isEmpty();
		// the audit log shows it as text too
		String audit = this.mvc.get().uri("/admin/audit").with(asAdmin()).exchange().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(audit).contains("&lt;script&gt;").doesNotContain("<script>alert");
		assertThat(html(this.mvc.get().uri("/admin/audit").with(asAdmin()).exchange()).select("ins").eachText())
			.contains(note);
	}

	@Test
	void theListFiltersByKindStatusNameAndDates() {
		Document states = html(this.mvc.get().uri("/admin/endorsements?kind=MEMBER_STATE").with(asAdmin()).exchange());
		assertThat(states.select("tbody th").eachText()).hasSize(3)
			.anySatisfy((name) -> assertThat(name).contains("(PAK)"));
		Document orgs = html(this.mvc.get().uri("/admin/endorsements?kind=ORGANIZATION&status=IN_FORCE").with(asAdmin())
			.exchange());
		assertThat(orgs.select("tbody tr")).hasSize(4);
		Document byName = html(this.mvc.get().uri("/admin/endorsements?q=philipp").with(asAdmin()).exchange());
		assertThat(byName.select("tbody th").text()).contains("(PHL)");
		Document dated = html(this.mvc.get().uri("/admin/endorsements?from=2018-08-17&to=2018-08-17").with(asAdmin())
			.exchange());
		assertThat(dated.select("tbody th").text()).contains("(PAK)").doesNotContain("(PHL)");
		Document none = html(this.mvc.get().uri("/admin/endorsements?status=WITHDRAWN").with(asAdmin()).exchange());
		assertThat(none.select("tbody tr")).isEmpty();
	}

	@Test
	void aBadFilterValueIsReportedNotAnError() {
		MvcTestResult result = this.mvc.get().uri("/admin/endorsements?from=yesterday&kind=PLANET")
			.with(asAdmin()).header("Accept-Language", "en").exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		Document page = html(result);
		assertThat(page.title()).startsWith("Error: ");
		assertThat(page.select(".error-summary a").eachAttr("href")).contains("#from", "#kind");
		assertThat(page.getElementById("from").val()).isEqualTo("yesterday");
		assertThat(page.select("tbody tr")).hasSizeGreaterThanOrEqualTo(7);
	}

	@Test
	void chineseReadersGetChineseNamesAndMessages() {
		Document page = html(this.mvc.get().uri("/admin/endorsements?kind=MEMBER_STATE").with(asAdmin())
			.header("Accept-Language", "zh").exchange());
		assertThat(page.select("h1").text()).isEqualTo("核准");
		assertThat(page.select("tbody th").text()).contains("巴基斯坦");
	}

	@Test
	void anUnknownEndorsementIsNotFound() {
		assertThat(this.mvc.get().uri("/admin/endorsements/999999999/edit").with(asAdmin()).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post().uri("/admin/endorsements/999999999/withdraw").with(asAdmin()).with(csrf())
			.param("withdrawnOn", "2020-01-01").param("reason", "r").param("version", "0").exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/admin/endorsements/abc/edit").with(asAdmin()).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void onlyAdministratorsMayUseThesePages() {
		long pak = stakeholderId("PAK");
		assertThat(this.mvc.get().uri("/admin/endorsements").with(asDelegate(pak, "PAK")).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri("/admin/endorsements").with(asSecretariat()).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.post().uri("/admin/endorsements").with(asDelegate(pak, "PAK")).with(csrf())
			.param("stakeholderCode", "FRA").param("source", "s").exchange()).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult anonymous = this.mvc.get().uri("/admin/endorsements").exchange();
		assertThat(anonymous).hasStatus(HttpStatus.FOUND);
		assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
		MvcTestResult anonymousPost = this.mvc.post().uri("/admin/endorsements").with(csrf())
			.param("stakeholderCode", "FRA").param("source", "s").exchange();
		assertThat(anonymousPost.getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(this.mvc.post().uri("/admin/endorsements").with(asAdmin())
			.param("stakeholderCode", "FRA").param("source", "s").exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(count("select count(*) from endorsement where stakeholder_id = ?", stakeholderId("FRA"))).isZero();
	}

}
