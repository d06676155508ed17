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
		assertThat(page.select("tbody tr")).hasSize(1);
		Element row = page.selectFirst("tbody tr");
		assertThat(row.select("td").get(0).text()).matches("\\d{1,2} [A-Z][a-z]{2,3} \\d{4}, \\d\\d:\\d\\d UTC");
		assertThat(row.select("td").get(1).text()).isEqualTo("system");
		assertThat(row.select("td").get(2).text()).isEqualTo("CYCLE_DEADLINE_CHANGED");
		assertThat(row.select("td").get(3).text()).isEqualTo("reporting_cycle 42");
		assertThat(row.select("td").get(4).text()).isEqualTo("Deadline moved");
		assertThat(row.select("li.change")).hasSize(1);
		assertThat(row.select("li.change").text()).isEqualTo("deadline: 2030-12-31 → becomes 2031-01-31");
		assertThat(row.select("li.change del").text()).isEqualTo("2030-12-31");
		assertThat(row.select("li.change ins").text()).isEqualTo("2031-01-31");
		assertThat(row.select("details summary").text()).isEqualTo("2 field(s) unchanged");
	}

	@Test
	void aCreationShowsEveryValueAsNewAndEverythingIsEscaped() {
		this.audit.record("ENDORSEMENT_RECORDED", "endorsement", 7, "<script>alert(1)</script>", null,
				state("note", "<img src=x onerror=alert(1)> 中文 العربية", "ids", java.util.List.of(1, 2)));
		Document page = page("/admin/audit?action=endorsement_recorded&entityId=7");
		Element row = page.selectFirst("tbody tr");
		assertThat(row.select("td").get(4).text()).isEqualTo("<script>alert(1)</script>");
		assertThat(row.select("li.change ins").eachText()).containsExactlyInAnyOrder(
				"<img src=x onerror=alert(1)> 中文 العربية", "[1,2]");
		assertThat(row.select("li.change .before-empty")).isEmpty();
		assertThat(row.select("li.change").eachText()).containsExactly("ids: [1,2]",
				"note: <img src=x onerror=alert(1)> 中文 العربية");
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
		assertThat(first.select("tbody tr td:nth-child(5)").first().text()).isEqualTo("event 60");
		assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/admin/audit?action=TEST_EVENT&page=2");
		assertThat(first.select("a[rel=prev]")).isEmpty();
		Document second = page("/admin/audit?action=TEST_EVENT&page=2");
		assertThat(second.select("tbody tr")).hasSize(10);
		assertThat(second.select("tbody tr td:nth-child(5)").last().text()).isEqualTo("event 1");
		assertThat(second.select("a[rel=next]")).isEmpty();
	}

	@Test
	void filtersByActorAndDays() {
		this.audit.record("TEST_EVENT", "test", "a", "by system", null, state("n", 1));
		this.jdbc.sql("insert into audit_event (occurred_at, actor, action, entity_type, entity_id, summary) "
				+ "values (timestamptz '2020-03-01 10:00:00+00', 'someone', 'TEST_EVENT', 'test', 'b', 'old event')").update();
		assertThat(page("/admin/audit?action=TEST_EVENT&actor=someone").select("tbody td:nth-child(5)").eachText())
			.containsExactly("old event");
		assertThat(page("/admin/audit?action=TEST_EVENT&from=2020-03-01&to=2020-03-01").select("tbody td:nth-child(5)")
			.eachText()).containsExactly("old event");
		assertThat(page("/admin/audit?action=TEST_EVENT&from=2020-03-02").select("tbody td:nth-child(5)").eachText())
			.containsExactly("by system");
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
