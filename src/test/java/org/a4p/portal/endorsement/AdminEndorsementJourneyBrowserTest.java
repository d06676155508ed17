package org.a4p.portal.endorsement;

import org.a4p.portal.account.Role;
import org.a4p.portal.support.Browser;
import org.a4p.portal.support.BrowserTest;
import org.a4p.portal.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator's journey in a real browser (issue 3): signs in through the real sign-in form,
 * records an endorsement for Norway (which has none) with a date, a source and a note in Chinese,
 * signs out, and finds it on the public pages as any reader would. Every page on the way passes
 * {@link Browser#assertSound} (no console error, no axe-core WCAG A/AA violation), including the
 * record form showing its errors, and is photographed under {@code target/screenshots/}.
 * <p>
 * The server commits what the browser does: the user, the endorsement and their audit rows are
 * deleted afterwards.
 */
@BrowserTest
class AdminEndorsementJourneyBrowserTest {

	static final String USERNAME = "journey-admin";

	static final String PASSWORD = "a long journey passphrase";

	static final String STATE = "NOR";

	static final String SOURCE = "Note verbale of the Permanent Mission of Norway";

	static final String NOTE = "Endorsed at the high-level meeting 在维和行动问题高级别会议上核准";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	long userId;

	@BeforeEach
	void anAdministratorAndAStateWithoutEndorsement() {
		assertThat(endorsementsOfTheState()).as("%s has no endorsement before the journey", STATE).isZero();
		this.userId = new TestUsers(this.jdbc).insert(USERNAME, Role.ADMIN, null, this.passwordEncoder.encode(PASSWORD));
		assertThat(this.jdbc.sql("select password_change_required from app_user where id = ?")
			.param(this.userId)
			.query(Boolean.class)
			.single()).as("the administrator may go straight to work").isFalse();
	}

	@AfterEach
	void deleteWhatTheJourneyCreated() {
		this.jdbc.sql("""
				delete from audit_event where actor = :username
				   or (entity_type = 'user' and entity_id = :userId)
				   or (entity_type = 'endorsement' and entity_id in (select cast(e.id as varchar) from endorsement e
				       join stakeholder s on s.id = e.stakeholder_id where s.code = :state))
				""")
			.param("username", USERNAME)
			.param("userId", String.valueOf(this.userId))
			.param("state", STATE)
			.update();
		this.jdbc.sql("delete from endorsement where stakeholder_id = (select id from stakeholder where code = ?)")
			.param(STATE)
			.update();
		this.jdbc.sql("delete from app_user where id = ?").param(this.userId).update();
	}

	@Test
	void anAdministratorRecordsAnEndorsementThatReadersThenSeeOnThePublicPages(Browser browser) {
		// Sign in through the real form.
		browser.signIn(USERNAME, PASSWORD, (signInPage) -> signInPage.assertSound("the sign-in page"));
		assertThat(browser.path()).as("an administrator lands on the administration").isEqualTo("/admin");

		// Administration, then endorsements, by the links a person would follow.
		browser.follow(browser.find(By.cssSelector("nav a[href='/admin']")));
		assertThat(h1(browser)).isEqualTo("Administration");
		browser.assertSound("the administration index");
		browser.screenshot("admin-01-index");

		browser.follow(browser.find(By.cssSelector("main a[href='/admin/endorsements']")));
		assertThat(h1(browser)).isEqualTo("Endorsements");
		browser.assertSound("the endorsements administration list");
		browser.screenshot("admin-02-endorsements");

		browser.follow(browser.find(By.cssSelector("main a[href='/admin/endorsements/new']")));
		assertThat(h1(browser)).isEqualTo("Record an endorsement");
		browser.assertSound("the record-an-endorsement form");

		// Sent empty, the form shows its errors, and they are accessible too.
		submit(browser);
		assertThat(browser.driver().getTitle()).startsWith("Error: ");
		assertThat(browser.find(By.cssSelector(".error-summary")).getText()).startsWith("There is a problem");
		assertThat(browser.findAll(By.cssSelector(".error-summary a")).stream().map((a) -> a.getDomAttribute("href")))
			.contains("#stakeholderCode", "#source");
		browser.assertSound("the record-an-endorsement form with errors");
		browser.screenshot("admin-03-record-errors");

		// Filled in, with a date and a note in Chinese.
		// the state is chosen from a list (no code to type)
		new Select(browser.find(By.id("stakeholderCode"))).selectByValue(STATE);
		WebElement date = browser.find(By.id("endorsedOn"));
		// Keys typed into a date input go to day, month and year in the order of the browser's
		// locale, which differs between machines: set the value as the date picker does instead.
		browser.driver()
			.executeScript("arguments[0].value = arguments[1];"
					+ "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));"
					+ "arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", date, "2018-08-17");
		assertThat(date.getDomProperty("value")).as("the date chosen").isEqualTo("2018-08-17");
		browser.find(By.id("source")).sendKeys(SOURCE);
		browser.find(By.id("note")).sendKeys(NOTE);
		browser.screenshot("admin-04-record-filled");
		submit(browser);

		assertThat(browser.path()).isEqualTo("/admin/endorsements");
		assertThat(browser.find(By.cssSelector(".alert-success")).getText())
			.isEqualTo("The endorsement of " + STATE + " was recorded.");
		long endorsementId = endorsementId();
		WebElement row = browser.find(By.cssSelector("tr#endorsement-" + endorsementId));
		assertThat(row.getText()).contains("Norway", "(NOR)", "17 August 2018", SOURCE, NOTE, "In force");
		browser.assertSound("the endorsements administration list after recording");
		browser.screenshot("admin-05-recorded");

		// The audit log names who did it.
		browser.open("/admin/audit");
		long eventId = this.jdbc.sql("select id from audit_event where entity_type = 'endorsement' and entity_id = ?")
			.param(String.valueOf(endorsementId))
			.query(Long.class)
			.single();
		assertThat(browser.find(By.cssSelector("tr#event-" + eventId)).getText()).contains(USERNAME,
				"Endorsement recorded for NOR", NOTE);
		// the action by its name, not its code
		assertThat(browser.find(By.cssSelector("tr#event-" + eventId + " .audit-action")).getText())
			.isEqualTo("Endorsement recorded");
		browser.assertSound("the audit log");
		browser.screenshot("admin-06-audit");

		// Signed out, a reader sees it on the public pages.
		browser.signOut();
		assertThat(browser.findAll(By.cssSelector("header a[href='/login']"))).as("signed out").hasSize(1);
		assertThat(browser.findAll(By.cssSelector("nav a[href='/admin']"))).isEmpty();

		browser.open("/endorsements");
		WebElement recorded = browser.find(By.cssSelector("table.recorded-endorsements tr[data-code='NOR']"));
		assertThat(recorded.getText()).contains("Norway", "Member State", "17 August 2018", SOURCE, NOTE);
		browser.assertSound("the public endorsements page");
		browser.screenshot("public-endorsements-NOR-en");

		browser.follow(recorded.findElement(By.cssSelector("a[href='/stakeholders/NOR']")));
		assertThat(h1(browser)).isEqualTo("Norway");
		assertThat(browser.find(By.cssSelector(".endorsement-date")).getText()).isEqualTo("17 August 2018");
		assertThat(browser.find(By.cssSelector(".endorsement-source")).getText()).isEqualTo(SOURCE);
		assertThat(browser.find(By.cssSelector(".endorsement-note")).getText()).isEqualTo(NOTE);
		assertThat(browser.findAll(By.cssSelector(".not-endorsed"))).isEmpty();
		browser.assertSound("the stakeholder page of Norway");
		browser.screenshot("public-stakeholder-NOR-en");

		browser.open("/stakeholders/NOR?lang=zh");
		assertThat(browser.lang()).isEqualTo("zh");
		assertThat(h1(browser)).isEqualTo("挪威");
		assertThat(browser.find(By.cssSelector(".endorsement-note")).getText()).isEqualTo(NOTE);
		browser.assertSound("the stakeholder page of Norway in Chinese");
		browser.screenshot("public-stakeholder-NOR-zh");
	}

	private static void submit(Browser browser) {
		browser.follow(browser.find(By.cssSelector("main form.admin-form button[type=submit]")));
	}

	private static String h1(Browser browser) {
		assertThat(browser.findAll(By.tagName("h1"))).as("exactly one h1 on " + browser.path()).hasSize(1);
		return browser.find(By.tagName("h1")).getText();
	}

	private long endorsementId() {
		return this.jdbc.sql("select e.id from endorsement e join stakeholder s on s.id = e.stakeholder_id "
				+ "where s.code = ? and e.withdrawn_on is null")
			.param(STATE)
			.query(Long.class)
			.single();
	}

	private int endorsementsOfTheState() {
		return this.jdbc.sql("select count(*) from endorsement e join stakeholder s on s.id = e.stakeholder_id "
				+ "where s.code = ?")
			.param(STATE)
			.query(Integer.class)
			.single();
	}

}
