package org.a4p.portal.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.a4p.portal.account.Role;
import org.a4p.portal.support.Browser;
import org.a4p.portal.support.BrowserTest;
import org.a4p.portal.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every administration page fits the screen, on a laptop (1366 px) and on a phone (375 px): nothing to scroll
 * sideways, on the page or inside a table. Each page is photographed at both widths under
 * {@code target/screenshots/} (admin-NAME-1366.png, admin-NAME-375.png) and passes the browser checks. The audit
 * log holds events with long values (a narrative without spaces, long addresses), as entries produce them: it once
 * was about 85,000 px wide.
 */
@BrowserTest
class AdminPagesBrowserTest {

	static final String USERNAME = "pages-admin";

	static final String PASSWORD = "a long passphrase for the pages";

	static final String FIXTURE = "pages-fixture";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	long userId;

	@BeforeEach
	void anAdministratorAndAuditEventsWithLongValues() {
		this.userId = new TestUsers(this.jdbc).insert(USERNAME, Role.ADMIN, null, this.passwordEncoder.encode(PASSWORD));
		String narrative = "巴基斯坦支持政治解决方案并与非洲联盟开展联合实地访问".repeat(120);
		String url = "https://example.org/" + "a-very-long-path-segment-without-any-space".repeat(40);
		this.jdbc.sql("""
				insert into audit_event (actor, action, entity_type, entity_id, summary, before_state, after_state)
				values (:actor, 'PROGRESS_ENTRY_EDITED', 'progress_entry', '999001', 'POL-1 / PAK / 2026: edited',
				        cast(:before as jsonb), cast(:after as jsonb)),
				       (:actor, 'CAPACITY_ASSIGNED', 'capacity_assignment', '999002', 'Capacity TPCC assigned to BRA',
				        null, cast('{"state": "BRA", "capacity": "TPCC", "startsOn": "2020-01-01", "endsOn": null, "note": null, "version": 0}' as jsonb))
				""")
			.param("actor", FIXTURE)
			.param("before", "{\"status\": \"LIMITED\", \"workflowState\": \"DRAFT\", \"narrative\": \"Short.\", "
					+ "\"evidence\": [], \"enteredBySecretariat\": false, \"version\": 1}")
			.param("after", "{\"status\": \"SUBSTANTIAL\", \"workflowState\": \"SUBMITTED\", \"narrative\": \"" + narrative
					+ "\", \"evidence\": [{\"title\": \"Report\", \"url\": \"" + url + "\"}], \"enteredBySecretariat\": false, "
					+ "\"version\": 2}")
			.update();
	}

	@AfterEach
	void deleteWhatWasCreated() {
		this.jdbc.sql("delete from audit_event where actor in (?, ?) or (entity_type = 'user' and entity_id = ?)")
			.params(FIXTURE, USERNAME, String.valueOf(this.userId))
			.update();
		this.jdbc.sql("delete from app_user where id = ?").param(this.userId).update();
	}

	/** The values of the change of the field named {@code label} (old and new, or the value it was created with). */
	private static List<String> change(Browser browser, String label) {
		return browser.findAll(By.cssSelector("li.change"))
			.stream()
			.filter((li) -> li.findElement(By.cssSelector(".change-field")).getText().equals(label))
			.findFirst()
			.map((li) -> li.findElements(By.cssSelector("del.change-value, ins.change-value"))
				.stream()
				.map((e) -> e.getText())
				.toList())
			.orElseThrow(() -> new AssertionError("no change of " + label));
	}

	private String id(String sql) {
		return this.jdbc.sql(sql).query(String.class).single();
	}

	@Test
	void everyAdministrationPageFitsALaptopAndAPhone(Browser browser) {
		browser.signIn(USERNAME, PASSWORD);
		assertThat(browser.path()).as("an administrator lands on the administration").isEqualTo("/admin");

		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("index", "/admin");
		pages.put("users", "/admin/users");
		pages.put("user", "/admin/users/" + this.userId);
		pages.put("user-new", "/admin/users/new");
		pages.put("endorsements", "/admin/endorsements");
		pages.put("endorsement-new", "/admin/endorsements/new");
		String endorsement = id("select e.id from endorsement e join stakeholder s on s.id = e.stakeholder_id "
				+ "where s.code = 'PAK' and e.withdrawn_on is null");
		pages.put("endorsement-edit", "/admin/endorsements/" + endorsement + "/edit");
		pages.put("endorsement-withdraw", "/admin/endorsements/" + endorsement + "/withdraw");
		pages.put("endorsement-import", "/admin/endorsements/import");
		pages.put("capacities", "/admin/capacities");
		pages.put("capacity-new", "/admin/capacities/new");
		pages.put("capacity-end", "/admin/capacities/" + id("select ca.id from capacity_assignment ca "
				+ "join stakeholder s on s.id = ca.stakeholder_id where s.code = 'PAK' and ca.capacity = 'SECURITY_COUNCIL' "
				+ "order by ca.starts_on desc limit 1") + "/end");
		pages.put("cycles", "/admin/cycles");
		pages.put("cycle-new", "/admin/cycles/new");
		pages.put("cycle-deadline", "/admin/cycles/" + id("select id from reporting_cycle "
				+ "order by (state = 'OPEN') desc, period_start desc, id desc limit 1") + "/deadline");
		pages.put("audit", "/admin/audit");

		List<String> problems = new ArrayList<>();
		for (int width : new int[] { 1366, 375 }) {
			browser.viewport(width, (width > 1000) ? 900 : 812);
			for (Map.Entry<String, String> page : pages.entrySet()) {
				browser.open(page.getValue());
				assertThat(browser.path()).as(page.getKey()).isEqualTo(page.getValue());
				browser.screenshot("admin-" + page.getKey() + "-" + width);
				browser.overflow().forEach((line) -> problems.add(page.getValue() + " at " + width + " px: " + line));
				browser.assertSound("the administration page " + page.getValue() + " at " + width + " px");
			}
		}
		browser.windowViewport();
		assertThat(problems).as("pages wider than the screen").isEmpty();

		// the audit log reads as a list of "field: old → new", named in the reader's language
		browser.open("/admin/audit?actor=" + FIXTURE + "&lang=en");
		assertThat(browser.findAll(By.cssSelector(".audit-action")).stream().map((e) -> e.getText()).toList())
			.containsExactly("Capacity assigned", "Entry edited");
		assertThat(change(browser, "Review state:")).isEqualTo(List.of("Draft", "Submitted"));
		assertThat(change(browser, "Status:")).isEqualTo(List.of("Limited", "Substantial"));
		assertThat(change(browser, "Capacity:")).isEqualTo(List.of("Troop- or police-contributing country"));
		assertThat(change(browser, "Member State:")).isEqualTo(List.of("BRA"));
		assertThat(browser.find(By.cssSelector("table.audit-table")).getText()).doesNotContain("workflowState",
				"CAPACITY_ASSIGNED");
		browser.open("/admin/audit?actor=" + FIXTURE + "&lang=zh");
		assertThat(change(browser, "审核状态：")).isEqualTo(List.of("草稿", "已提交"));
		assertThat(browser.findAll(By.cssSelector(".audit-action")).stream().map((e) -> e.getText()).toList())
			.contains("指定了身份");
		browser.screenshot("admin-audit-zh");
		browser.open("/?lang=en");
	}

}
