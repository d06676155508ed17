package org.a4p.portal.reporting;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.a4p.portal.account.Role;
import org.a4p.portal.pagecache.PageCache;
import org.a4p.portal.support.Browser;
import org.a4p.portal.support.BrowserTest;
import org.a4p.portal.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issues 4 and 14 in a real browser, end to end: a delegate of Pakistan signs in and lands on their state's
 * page, follows the link to an entry, drafts it (line breaks and Chinese text) and saves it, types more and
 * presses "Save and submit" without saving (the submission holds what was typed), asks a question on the entry's
 * thread, and signs out (a page says so); Secretariat staff sign in and land on their work page, follow the queue's
 * count, answer the question and validate; the delegate signs in again and reads the answer; an administrator
 * finds in the outbox (no mail server in tests) the messages the journey caused: the notices of the answer and of
 * the validation to the delegate, on a laptop (1366 px) and on a phone (375 px); an anonymous reader then finds one
 * more Substantial on the public area page. Every page passes the browser checks (console, axe-core WCAG A/AA) and
 * is photographed under {@code target/screenshots/}.
 * <p>
 * The page cache is on, as in production: the anonymous page read before the validation is cached,
 * and the validation must clear it. Everything the journey creates (users, the entry, its
 * revisions and audit rows) is deleted afterwards.
 */
@BrowserTest
@TestPropertySource(properties = "portal.page-cache.enabled=true")
class ReportingJourneyBrowserTest {

	private static final String PASSWORD = "journey password 4 correct horse";

	private static final String DELEGATE = "journey.delegate.pak";

	private static final String STAFF = "journey.secretariat";

	private static final String ADMIN = "journey.admin";

	private static final String ADDED = "\nTyped after saving, then Save and submit.";

	private static final String QUESTION = "Is the joint visit report enough evidence?";

	private static final String ANSWER = "Yes: it is enough. 谢谢。";

	private static final String NARRATIVE = "第一段：巴基斯坦支持政治解决方案。\nSecond paragraph: joint field visits in 2026.\n\n"
			+ "第三段：与非洲联盟合作。";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PageCache pageCache;

	String cycle;

	@BeforeEach
	void usersWithRealPasswords() {
		this.cycle = this.jdbc.sql("select code from reporting_cycle "
				+ "order by (state = 'OPEN') desc, period_start desc, id desc limit 1").query(String.class).single();
		assertThat(entryId()).as("Pakistan has no POL-1 entry in cycle " + this.cycle + " before the journey").isNull();
		TestUsers users = new TestUsers(this.jdbc, this.userDetails);
		users.insert(DELEGATE, Role.DELEGATE, "PAK", this.passwordEncoder.encode(PASSWORD));
		users.insert(STAFF, Role.SECRETARIAT, null, this.passwordEncoder.encode(PASSWORD));
		users.insert(ADMIN, Role.ADMIN, null, this.passwordEncoder.encode(PASSWORD));
		this.pageCache.invalidateAll();
	}

	@AfterEach
	void deleteWhatTheJourneyCreated() {
		Long entry = entryId();
		if (entry != null) {
			this.jdbc.sql("delete from audit_event where entity_type = 'progress_entry' and entity_id = ?")
				.param(String.valueOf(entry))
				.update();
			// its revisions and evidence links go with it (on delete cascade)
			this.jdbc.sql("delete from progress_entry where id = ?").param(entry).update();
		}
		this.jdbc.sql("delete from audit_event where actor in (?, ?, ?)").params(DELEGATE, STAFF, ADMIN).update();
		this.jdbc.sql("delete from entry_comment where author_username in (?, ?)").params(DELEGATE, STAFF).update();
		// the notices about the entry (the question went to every Secretariat account); the journey's users' go with them
		this.jdbc.sql("delete from outbox_message where subject_key = ?")
			.param("/entries/" + this.cycle + "/PAK/POL-1")
			.update();
		this.jdbc.sql("delete from app_user where username in (?, ?, ?)").params(DELEGATE, STAFF, ADMIN).update();
		// the rows went without the portal knowing: forget the pages rendered from them
		this.pageCache.invalidateAll();
	}

	private Long entryId() {
		return this.jdbc.sql("""
				select pe.id from progress_entry pe
				join reporting_cycle rc on rc.id = pe.cycle_id
				join stakeholder s on s.id = pe.stakeholder_id
				join commitment c on c.id = pe.commitment_id
				where rc.code = ? and s.code = 'PAK' and c.code = 'POL-1'
				""").params(this.cycle).query(Long.class).optional().orElse(null);
	}

	@Test
	void aDelegateReportsTheSecretariatValidatesAndThePublicSeesIt(Browser browser) {
		String entryPath = "/entries/" + this.cycle + "/PAK/POL-1";

		// An anonymous reader first (a fresh browser profile: no cookie): the area's figures as they are,
		// and the page is now in the page cache.
		browser.open("/areas/POL");
		AreaFigures before = AreaFigures.read(browser);
		browser.assertSound("the area page POL before the journey");
		browser.screenshot("journey-01-area-POL-before");

		// The delegate signs in and lands on their state's page: each commitment once.
		signIn(browser, DELEGATE, "the sign-in page (delegate)", "/my");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Pakistan: commitments to report on");
		assertThat(browser.find(By.cssSelector("section.my-reporting")).getText()).contains("0 submitted");
		browser.assertSound("the delegate's home /my");
		browser.screenshot("journey-02-my-PAK");

		// ... follows the link of POL-1 to its entry: the commitment's text, a link to its public page, the form.
		browser.follow(browser.find(By.cssSelector("#commitment-POL-1 th a")));
		assertThat(browser.path()).isEqualTo(entryPath);
		assertThat(browser.find(By.cssSelector(".commitment-text")).getText()).isNotBlank();
		assertThat(browser.find(By.cssSelector("a.commitment-public-link")).getDomAttribute("href"))
			.isEqualTo("/commitments/POL-1");
		browser.assertSound("the empty entry form");
		browser.screenshot("journey-03-entry-new");

		// ... drafts it and saves the draft.
		browser.find(By.cssSelector("input[name='status'][value='SUBSTANTIAL']")).click();
		browser.find(By.id("narrative")).sendKeys(NARRATIVE);
		browser.find(By.id("evidence-0-title")).sendKeys("联合访问报告 Joint visit report");
		browser.find(By.id("evidence-0-url")).sendKeys("https://example.org/a4p/pak/pol-1");
		browser.follow(browser.find(By.cssSelector("form.entry-form button[type='submit']:not([formaction])")));
		assertThat(browser.path()).isEqualTo(entryPath);
		assertThat(browser.find(By.cssSelector("main .alert-success")).getText()).startsWith("Draft saved.");
		assertThat(browser.find(By.cssSelector(".entry-content .narrative")).getText())
			.as("the narrative is shown as typed, line breaks and Chinese included")
			.isEqualTo(NARRATIVE);
		browser.assertSound("the entry page with the saved draft");
		browser.screenshot("journey-04-entry-draft");

		// ... types more, does NOT save, and presses "Save and submit": what is on the screen is submitted.
		browser.find(By.id("narrative")).sendKeys(ADDED);
		browser.follow(browser.find(By.cssSelector("form.entry-form button[formaction$='/submit']")));
		assertThat(browser.path()).isEqualTo(entryPath);
		assertThat(browser.find(By.cssSelector("main .alert-success")).getText())
			.startsWith("Saved and submitted for review.");
		assertThat(browser.find(By.cssSelector("#state-heading + dl .badge")).getText()).isEqualTo("Submitted");
		assertThat(browser.find(By.cssSelector(".entry-content .narrative")).getText()).isEqualTo(NARRATIVE + ADDED);
		assertThat(this.jdbc.sql("select narrative from progress_entry_revision where entry_id = ? and action = 'SUBMITTED'")
			.param(entryId()).query(String.class).single()).as("the submission holds what was typed").isEqualTo(NARRATIVE + ADDED);
		browser.screenshot("journey-05-entry-submitted");

		// ... asks the Secretariat a question on the entry's thread.
		browser.find(By.id("text")).sendKeys(QUESTION);
		browser.follow(browser.find(By.cssSelector("form.thread-form button[type='submit']")));
		assertThat(browser.path()).startsWith(entryPath);
		assertThat(browser.findAll(By.cssSelector("#thread .thread-text")).stream().map(WebElement::getText).toList())
			.containsExactly(QUESTION);
		browser.assertSound("the entry page with a question on its thread");
		browser.screenshot("journey-06-entry-thread-question");

		// ... finds it among the submitted ones on their page (the count is a link to that list), and signs out.
		browser.open("/my");
		browser.follow(browser.find(By.linkText("1 submitted")));
		assertThat(browser.path()).isEqualTo("/my?show=submitted#entries-list");
		assertThat(browser.findAll(By.cssSelector(".my-entries-table tbody tr")).stream()
			.map((row) -> row.getDomAttribute("id")).toList()).containsExactly("commitment-POL-1");
		browser.assertSound("the delegate's submitted entries");
		signOut(browser);

		// The Secretariat signs in and lands on their work: the queue's count leads to the queue.
		signIn(browser, STAFF, "the sign-in page (Secretariat)", "/secretariat");
		assertThat(browser.findAll(By.cssSelector(".account-nav a[href='/entries']"))).hasSize(1);
		WebElement waiting = browser.find(By.cssSelector("a.review-total"));
		assertThat(waiting.getText()).endsWith("waiting for review");
		browser.assertSound("the Secretariat's work page");
		browser.screenshot("journey-07-secretariat-home");
		browser.follow(waiting);
		assertThat(browser.path()).startsWith("/review");
		WebElement open = browser.find(By.cssSelector("table.review-table a[href='" + entryPath + "']"));
		browser.assertSound("the review queue");
		browser.screenshot("journey-08-review-queue");
		browser.follow(open);
		assertThat(browser.path()).isEqualTo(entryPath);
		assertThat(browser.find(By.cssSelector(".entry-content .narrative")).getText()).isEqualTo(NARRATIVE + ADDED);
		// ... reads the question, answers it, and validates.
		assertThat(browser.find(By.cssSelector("#thread .thread-item .thread-text")).getText()).isEqualTo(QUESTION);
		browser.find(By.id("text")).sendKeys(ANSWER);
		browser.follow(browser.find(By.cssSelector("form.thread-form button[type='submit']")));
		browser.assertSound("the entry page under review, with the answer");
		browser.screenshot("journey-09-entry-review-answered");
		browser.follow(browser.find(By.cssSelector("form[action$='/validate'] button[type='submit']")));
		assertThat(browser.path()).startsWith("/review");
		assertThat(browser.find(By.cssSelector("main .alert-success")).getText())
			.isEqualTo("Validated and published: POL-1 / PAK.");
		assertThat(browser.findAll(By.cssSelector("table.review-table a[href='" + entryPath + "']"))).isEmpty();
		browser.assertSound("the review queue after validating");
		browser.screenshot("journey-10-review-validated");
		signOut(browser);

		// The delegate signs in again and reads the answer on the entry's thread.
		signIn(browser, DELEGATE, "the sign-in page (delegate, again)", "/my");
		browser.follow(browser.find(By.cssSelector("#commitment-POL-1 th a")));
		List<WebElement> thread = browser.findAll(By.cssSelector("#thread .thread-item"));
		assertThat(thread).hasSize(2);
		assertThat(thread.get(1).findElement(By.cssSelector(".thread-text")).getText()).isEqualTo(ANSWER);
		assertThat(thread.get(1).findElement(By.cssSelector(".thread-role")).getText()).isEqualTo("Secretariat");
		browser.assertSound("the entry page with the answer");
		browser.screenshot("journey-11-entry-thread-answer");
		signOut(browser);

		// An administrator finds in the outbox (no mail server here) what the journey made the portal write to the
		// delegate: the notice of the answer and the notice of the validation; on a laptop and on a phone.
		signIn(browser, ADMIN, "the sign-in page (administrator)", "/admin");
		browser.follow(browser.find(By.cssSelector("main a[href='/admin/outbox']")));
		assertThat(browser.path()).isEqualTo("/admin/outbox");
		for (int width : new int[] { 1366, 375 }) {
			browser.viewport(width, (width > 1000) ? 900 : 812);
			browser.open("/admin/outbox");
			List<String> toDelegate = browser.findAll(By.cssSelector("table tbody tr")).stream()
				.map(WebElement::getText)
				.filter((row) -> row.contains(DELEGATE))
				.toList();
			assertThat(toDelegate).as("the messages to the delegate, newest first").hasSize(2);
			assertThat(toDelegate.get(0)).contains("Entry validated")
				.contains("Entry validated: POL-1, PAK, cycle " + this.cycle)
				.contains("Queued");
			assertThat(toDelegate.get(1)).contains("New comment").contains("New comment: POL-1, PAK, cycle " + this.cycle);
			assertThat(browser.find(By.cssSelector("main .alert-warning")).getText())
				.contains("No mail server is configured");
			assertThat(browser.overflow()).as("the outbox at " + width + " px").isEmpty();
			browser.assertSound("the outbox at " + width + " px");
			browser.screenshot("journey-12-admin-outbox-" + width);
		}
		browser.windowViewport();
		WebElement validated = browser.findAll(By.cssSelector("table tbody tr")).stream()
			.filter((row) -> row.getText().contains(DELEGATE) && row.getText().contains("Entry validated"))
			.findFirst()
			.orElseThrow()
			.findElement(By.cssSelector("th a"));
		browser.follow(validated);
		assertThat(browser.path()).startsWith("/admin/outbox/");
		assertThat(browser.find(By.id("text-part")).getText()).contains(entryPath);
		browser.assertSound("an outbox message");
		browser.screenshot("journey-13-admin-outbox-message");
		signOut(browser);

		// Anonymous again: one more Substantial on the public area page, one fewer without evidence.
		browser.driver().manage().deleteAllCookies();
		browser.open("/areas/POL");
		AreaFigures after = AreaFigures.read(browser);
		assertThat(after.totalSubstantial()).isEqualTo(before.totalSubstantial() + 1);
		assertThat(after.totalNoEvidence()).isEqualTo(before.totalNoEvidence() - 1);
		assertThat(after.pol1Substantial()).isEqualTo(before.pol1Substantial() + 1);
		assertThat(after.substantialInBar()).isEqualTo(before.substantialInBar() + 1);
		browser.assertSound("the area page POL after the validation");
		browser.screenshot("journey-09-area-POL-after");

		browser.open("/commitments/POL-1");
		assertThat(browser.find(By.cssSelector("table.stakeholder-status-table tr[data-code='PAK'] td.status-cell"))
			.getText()).isEqualTo("Substantial");
		browser.assertSound("the commitment page POL-1 after the validation");
		browser.screenshot("journey-10-commitment-POL-1-after");

		assertThat(this.jdbc.sql("select action from progress_entry_revision where entry_id = ? order by revision")
			.param(entryId()).query(String.class).list()).containsExactly("CREATED", "EDITED", "SUBMITTED", "VALIDATED");
	}

	/** Signs in through the real form; sign-in leads to the user's work ({@code home}). */
	private void signIn(Browser browser, String username, String pageName, String home) {
		browser.signIn(username, PASSWORD, (signInPage) -> signInPage.assertSound(pageName));
		assertThat(browser.path()).as("signed in as " + username + ", on their work").isEqualTo(home);
	}

	/** Signs out: a page in the reader's language says so. */
	private void signOut(Browser browser) {
		browser.follow(browser.find(By.cssSelector("form[action='/logout'] button")));
		assertThat(browser.path()).isEqualTo("/signed-out");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("You have signed out");
		assertThat(browser.findAll(By.cssSelector(".account-nav a[href='/login']"))).hasSize(1);
		browser.assertSound("the signed-out page");
	}

	/** The figures of the POL area page an anonymous reader sees. */
	record AreaFigures(long totalSubstantial, long totalNoEvidence, long pol1Substantial, long substantialInBar) {

		private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");

		private static final Pattern TITLE_COUNT = Pattern.compile(": (\\d+)$");

		static AreaFigures read(Browser browser) {
			assertThat(browser.path()).isEqualTo("/areas/POL");
			// the counts below the area's bar: "Substantial" -> "3 (4.2%)"
			long substantial = count(browser, "Substantial");
			long noEvidence = count(browser, "No evidence");
			// the commitments table: the POL-1 row's cell under the "Substantial" heading
			List<String> headings = browser.findAll(By.cssSelector("table.commitments-table thead th"))
				.stream()
				.map(WebElement::getText)
				.toList();
			int column = headings.indexOf("Substantial");
			assertThat(column).as("a Substantial column in " + headings).isPositive();
			WebElement pol1 = browser.find(By.xpath("//table[contains(@class, 'commitments-table')]//tbody/tr[th/a[.='POL-1']]"));
			List<WebElement> cells = pol1.findElements(By.xpath("./th|./td"));
			long pol1Substantial = Long.parseLong(cells.get(column).getText().trim());
			// the area's stacked bar: the Substantial segment's title says how many ("Substantial: 3"), if any
			List<WebElement> segment = browser.findAll(By.cssSelector(".area-total svg.status-bar rect.status-fill-substantial title"));
			long inBar = segment.isEmpty() ? 0 : number(TITLE_COUNT, segment.get(0).getDomProperty("textContent"));
			return new AreaFigures(substantial, noEvidence, pol1Substantial, inBar);
		}

		private static long count(Browser browser, String status) {
			for (WebElement item : browser.findAll(By.cssSelector(".area-total dl.status-counts > div"))) {
				if (item.findElement(By.tagName("dt")).getText().trim().equals(status)) {
					return number(LEADING_NUMBER, item.findElement(By.tagName("dd")).getText().trim());
				}
			}
			throw new AssertionError("No count for " + status + " on the area page");
		}

		private static long number(Pattern pattern, String text) {
			Matcher matcher = pattern.matcher(text.trim());
			assertThat(matcher.find()).as("a number in '" + text + "'").isTrue();
			return Long.parseLong(matcher.group(1));
		}

	}

}
