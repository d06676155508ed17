package org.a4p.portal.audit;

import java.util.LinkedHashMap;
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

import static org.a4p.portal.support.Pages.html;
import static org.a4p.portal.support.SignedInUsers.asAdmin;
import static org.a4p.portal.support.SignedInUsers.asSecretariat;
import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
@Transactional
class AuditLogPageTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	private static Map<String, Object> state(Object... keysAndValues) {
		Map<String, Object> state = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			state.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return state;
	}

	private Document page(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).with(asAdmin()).header("Accept-Language", "en").exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		return html(result);
	}

	@Test
	void eachEventShowsWhoWhenWhatAndEachChangedFieldAsOldToNew() {
		this.audit.record("CYCLE_DEADLINE_CHANGED", "reporting_cycle", 42, "Deadline moved",
				state("code", "2030", "deadline", "2030-12-31", "state", "OPEN"),
				state("code", "2030", "deadline", "2031-01-31", "state", "OPEN"));
		Document page = page("/admin/audit?entityType=reporting_cycle&entityId=42");
		assertThat(page.select("h1").text()).isEqualTo("Audit log");
		assertThat(page.select("thead th").eachText()).containsExactly("When", "Who", "What", "Changes");
		assertThat(page.select("tbody tr")).hasSize(1);
		Element row = page.selectFirst("tbody tr");
		assertThat(row.select("td").get(0).text()).matches("\\d{1,2} [A-Z][a-z]{2,3} \\d{4}, \\d\\d:\\d\\d UTC");
		assertThat(row.select("td").get(1).text()).isEqualTo("system");
		assertThat(row.select(".audit-action").text()).isEqualTo("Deadline changed");
		assertThat(row.select(".audit-entity").text()).isEqualTo("Reporting cycle 42");
		// the summary is stored in English: marked so
		assertThat(row.select(".audit-summary").text()).isEqualTo("Deadline moved");
		assertThat(row.select(".audit-summary").attr("lang")).isEqualTo("en");
		assertThat(row.select("li.change")).hasSize(1);
		assertThat(row.select("li.change").text()).isEqualTo("Deadline: 2030-12-31 → becomes 2031-01-31");
		assertThat(row.select("li.change del").text()).isEqualTo("2030-12-31");
		assertThat(row.select("li.change ins").text()).isEqualTo("2031-01-31");
		assertThat(row.select("details summary").text()).isEqualTo("2 fields unchanged");
		// a cycle's state is named, under its own label
		assertThat(row.select("details li").eachText()).containsExactly("Code: 2030", "Open or closed: open");
		// every cell says which column it is in, for the narrow screens where the table becomes a list
		assertThat(row.select("td").eachAttr("data-label")).containsExactly("When", "Who", "What", "Changes");
	}

	@Test
	void anEntrysChangesAreNamedInTheReadersLanguageNotByTheirCodes() {
		Map<String, Object> before = state("status", "LIMITED", "workflowState", "DRAFT", "enteredBySecretariat", false,
				"evidence", java.util.List.of());
		Map<String, Object> after = state("status", "LIMITED", "workflowState", "SUBMITTED", "enteredBySecretariat", true,
				"evidence", java.util.List.of(Map.of("title", "Report", "url", "https://example.org/r"),
						Map.of("title", "Plan", "url", "https://example.org/p")));
		this.audit.record("PROGRESS_ENTRY_SUBMITTED", "progress_entry", 4242, "POL-1 / PAK / 2026: submitted", before,
				after);
		Element english = page("/admin/audit?entityType=progress_entry&entityId=4242").selectFirst("tbody tr");
		assertThat(english.select(".audit-action").text()).isEqualTo("Entry submitted for review");
		assertThat(english.select("li.change").eachText()).containsExactly(
				"Entered by the Secretariat: no → becomes yes",
				"Evidence links: (none) → becomes Report (https://example.org/r) Plan (https://example.org/p)",
				"Review state: Draft → becomes Submitted");
		assertThat(english.select("li.change ins").get(1).wholeText())
			.isEqualTo("Report (https://example.org/r)\nPlan (https://example.org/p)");
		assertThat(english.text()).doesNotContain("workflowState", "SUBMITTED", "PROGRESS_ENTRY");

		MvcTestResult result = this.mvc.get().uri("/admin/audit?entityType=progress_entry&entityId=4242").with(asAdmin())
			.header("Accept-Language", "zh").exchange();
		Element chinese = html(result).selectFirst("tbody tr");
		assertThat(chinese.select(".audit-action").text()).isEqualTo("提交了报告供审核");
		assertThat(chinese.select(".audit-entity").text()).isEqualTo("报告 4242");
		Element state = chinese.select("li.change").stream()
			.filter((li) -> li.select(".change-field").text().equals("审核状态："))
			.findFirst()
			.orElseThrow();
		assertThat(state.select("del").text()).isEqualTo("草稿");
		assertThat(state.select("ins").text()).isEqualTo("已提交");
	}

	@Test
	void aLongValueIsFoldedAndAnUnknownActionOrFieldShownByItsCode() {
		String narrative = "长".repeat(3000);
		this.audit.record("SOMETHING_NEW", "progress_entry", 4343, "new kind of event", state("narrative", "Short."),
				state("narrative", narrative, "colour", "blue"));
		Element row = page("/admin/audit?entityType=progress_entry&entityId=4343").selectFirst("tbody tr");
		assertThat(row.select(".audit-action").text()).isEqualTo("SOMETHING_NEW");
		assertThat(row.select("li.change").eachText().get(0)).startsWith("colour: (none)");
		Element folded = row.selectFirst("li.change details.change-long");
		assertThat(folded.select("summary").text()).endsWith("(3000 characters: show all)");
		assertThat(folded.select("ins").text()).isEqualTo(narrative);
	}

	@Test
	void aCreationShowsEveryValueAsNewAndEverythingIsEscaped() {
		this.audit.record("ENDORSEMENT_RECORDED", "endorsement", 7, "<script>alert(1)</script>", null,
				state("note", "<img src=x onerror=alert(1)> 中文 العربية", "ids", java.util.List.of(1, 2)));
		Document page = page("/admin/audit?action=endorsement_recorded&entityId=7");
		Element row = page.selectFirst("tbody tr");
		assertThat(row.select(".audit-summary").text()).isEqualTo("<script>alert(1)</script>");
		assertThat(row.select("li.change ins").eachText()).containsExactlyInAnyOrder(
				"<img src=x onerror=alert(1)> 中文 العربية", "1, 2");
		assertThat(row.select("li.change .change-empty")).isEmpty();
		assertThat(row.select("li.change").eachText()).containsExactly("ids: 1, 2",
				"Note: <img src=x onerror=alert(1)> 中文 العربية");
		assertThat(page.select("script:not([src])")).as("no inline script").isEmpty();
		assertThat(page.select("img")).isEmpty();
	}

	@Test
	void theLogIsNewestFirstFiftyAPage() {
		for (int i = 1; i <= 60; i++) {
			this.audit.record("TEST_EVENT", "test", i, "event " + i, null, state("n", i));
		}
		Document first = page("/admin/audit?action=TEST_EVENT");
		assertThat(first.select("tbody tr")).hasSize(50);
		assertThat(first.select("tbody tr .audit-summary").first().text()).isEqualTo("event 60");
		assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/admin/audit?action=TEST_EVENT&page=2");
		assertThat(first.select("a[rel=prev]")).isEmpty();
		Document second = page("/admin/audit?action=TEST_EVENT&page=2");
		assertThat(second.select("tbody tr")).hasSize(10);
		assertThat(second.select("tbody tr .audit-summary").last().text()).isEqualTo("event 1");
		assertThat(second.select("a[rel=next]")).isEmpty();
	}

	@Test
	void filtersByActorAndDays() {
		this.audit.record("TEST_EVENT", "test", "a", "by system", null, state("n", 1));
		this.jdbc.sql("insert into audit_event (occurred_at, actor, action, entity_type, entity_id, summary) "
				+ "values (timestamptz '2020-03-01 10:00:00+00', 'someone', 'TEST_EVENT', 'test', 'b', 'old event')").update();
		assertThat(page("/admin/audit?action=TEST_EVENT&actor=someone").select("tbody .audit-summary").eachText())
			.containsExactly("old event");
		assertThat(page("/admin/audit?action=TEST_EVENT&from=2020-03-01&to=2020-03-01").select("tbody .audit-summary")
			.eachText()).containsExactly("old event");
		assertThat(page("/admin/audit?action=TEST_EVENT&from=2020-03-02").select("tbody .audit-summary").eachText())
			.containsExactly("by system");
	}

	@Test
	void theActionFilterSuggestsEachActionByItsName() {
		Document page = page("/admin/audit");
		assertThat(page.select("#audit-actions option[value=CAPACITY_ASSIGNED]").attr("label")).isEqualTo("Capacity assigned");
		assertThat(page.select("#audit-actions option[value=COMMENT_POSTED]").attr("label"))
			.isEqualTo("Comment posted on an entry");
		assertThat(page.select("#audit-entity-types option[value=progress_entry]").attr("label")).isEqualTo("Entry");
	}

	@Test
	void badFilterValuesAreReportedNotFailed() {
		Document page = page("/admin/audit?from=nope&to=2020-01-01&page=x");
		assertThat(page.title()).startsWith("Error: ");
		assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#from");
		assertThat(page.getElementById("from").val()).isEqualTo("nope");
	}

	@Test
	void onlyAdministratorsReadTheLog() {
		assertThat(this.mvc.get().uri("/admin/audit").with(asSecretariat()).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri("/admin/audit").exchange().getResponse().getRedirectedUrl()).endsWith("/login");
	}

}
