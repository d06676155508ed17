package org.a4p.portal.publication;

import java.util.ArrayList;
import java.util.List;

import org.a4p.portal.account.Role;
import org.a4p.portal.demo.DemoDataFixture;
import org.a4p.portal.pagecache.PageCache;
import org.a4p.portal.support.Browser;
import org.a4p.portal.support.BrowserTest;
import org.a4p.portal.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page, full of demonstration data, in a real browser at 1366 px (a laptop) and 375 px (a phone):
 * no console error, no axe-core WCAG A/AA violation (among them {@code scrollable-region-focusable}: a table that
 * scrolls sideways must be reachable by keyboard), one h1, and nothing wider than the screen except a table in its
 * own scrolling region. In English, and in Chinese for the new pages and those with the widest tables. Every page
 * is photographed under {@code target/screenshots/public-…}. The signed-in menu fits on one row at 1366 px.
 * <p>
 * axe-core checks each page but the rows of a table body after its 30th ({@code Browser.ROWS_NOT_CHECKED}): the
 * progress tables' hundreds of rows come from one template, and checking them all took most of this test's time.
 * The width checks and the screenshots cover every row.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesBrowserTest {

	private static final int LAPTOP = 1366;

	private static final int PHONE = 375;

	private static final String ADMIN = "browser.layout.admin";

	private static final String PASSWORD = "a long enough browser password";

	/** name, path, and whether it is also checked in Chinese. */
	private record Page(String name, String path, boolean chinese) {
	}

	private static final List<Page> PAGES = List.of(new Page("dashboard", "/", true),
			new Page("area", "/areas/PER", true), new Page("commitment", "/commitments/POL-5", true),
			new Page("collective", "/commitments/collective", true), new Page("stakeholders", "/stakeholders", false),
			new Page("progress", "/stakeholders/progress", true),
			new Page("progress-filtered", "/stakeholders/progress?kind=MEMBER_STATE&region=002&sort=share", false),
			new Page("progress-areas", "/stakeholders/progress/areas", true),
			new Page("progress-not-endorsed", "/stakeholders/progress?endorsed=no", false),
			new Page("state", "/stakeholders/PAK", true), new Page("state-not-endorsed", "/stakeholders/FRA", false),
			new Page("secretariat", "/stakeholders/secretariat", false),
			new Page("organization", "/organizations/EU", false), new Page("endorsements", "/endorsements", true),
			new Page("method", "/method", false), new Page("about", "/about", false),
			new Page("bad-filter", "/stakeholders/progress?kind=NOPE", true));

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	PageCache pageCache;

	@BeforeAll
	void demonstrationData() {
		DemoDataFixture.generate(this.context, 42, 1);
		new TestUsers(this.jdbc).insert(ADMIN, Role.ADMIN, null, this.passwordEncoder.encode(PASSWORD));
	}

	@AfterAll
	void removeWhatWasCreated() {
		this.jdbc.sql("delete from audit_event where actor = ?").param(ADMIN).update();
		this.jdbc.sql("delete from app_user where username = ?").param(ADMIN).update();
		DemoDataFixture.remove(this.context);
		this.pageCache.invalidateAll();
	}

	@Test
	void everyPublicPageReadsWellOnALaptopAndOnAPhone(Browser browser) {
		// as an anonymous reader (the pages the page cache serves), whichever test ran first
		browser.open("/");
		browser.driver().manage().deleteAllCookies();
		List<String> problems = new ArrayList<>();
		for (int width : List.of(LAPTOP, PHONE)) {
			browser.width(width);
			for (Page page : PAGES) {
				for (String lang : page.chinese() ? List.of("en", "zh") : List.of("en")) {
					String path = page.path() + (page.path().contains("?") ? "&" : "?") + "lang=" + lang;
					browser.open(path);
					String name = page.name() + " (" + lang + ", " + width + " px)";
					assertThat(browser.lang()).as(name).isEqualTo(lang);
					assertThat(browser.findAll(By.tagName("h1"))).as(name).hasSize(1);
					browser.screenshot("public-" + page.name() + "-" + lang + "-" + width);
					try {
						if (page.name().equals("bad-filter")) {
							// the browser logs the page's own 400 status as a console error: read (and drop) it, then axe
							try {
								browser.assertNoConsoleErrors(name);
							}
							catch (AssertionError expected) {
								assertThat(expected.getMessage()).as(name).contains("status of 400");
							}
							browser.assertAccessible(name);
						}
						else {
							browser.assertSound(name);
						}
					}
					catch (AssertionError ex) {
						// every page checked in one run: the whole list of problems at the end
						problems.add(ex.getMessage());
					}
					if (browser.overflowsSideways()) {
						problems.add(name + " is wider than the screen: " + browser.overflow());
					}
					if (width == LAPTOP && !browser.tablesThatScroll().isEmpty()) {
						// on a laptop every column is in view (counted pairs and compliance were pushed out)
						problems.add(name + ": tables wider than their place " + browser.tablesThatScroll());
					}
				}
			}
		}
		assertThat(problems).as(String.join("\n", problems)).isEmpty();
	}

	@Test
	void theSignedInMenuFitsOnOneRowAtLaptopWidth(Browser browser) {
		browser.width(LAPTOP);
		browser.signIn(ADMIN, PASSWORD);
		assertThat(browser.path()).as("an administrator lands on the administration").isEqualTo("/admin");
		browser.open("/?lang=en");
		List<Integer> rows = browser.findAll(By.cssSelector(".site-header .navbar .nav-link, .site-header .navbar-brand"))
			.stream()
			.map(WebElement::getRect)
			.map((r) -> r.getY() + r.getHeight() / 2)
			.toList();
		// one row: their vertical middles within a few pixels (a second row would be a line height lower)
		assertThat(rows.stream().mapToInt(Integer::intValue).max().getAsInt()
				- rows.stream().mapToInt(Integer::intValue).min().getAsInt())
			.as("spread of the vertical middles of the brand and the menu's links " + rows)
			.isLessThan(12);
		assertThat(browser.find(By.cssSelector(".role-nav a[href='/admin']")).isDisplayed()).isTrue();
		assertThat(browser.find(By.cssSelector(".session-nav button")).isDisplayed()).isTrue();
		browser.assertSound("the dashboard, signed in as an administrator");
		browser.screenshot("public-dashboard-signed-in-en-1366");
		browser.driver().manage().deleteAllCookies();
	}

}
