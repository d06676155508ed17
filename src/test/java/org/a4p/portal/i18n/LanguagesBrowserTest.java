package org.a4p.portal.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.a4p.portal.account.Role;
import org.a4p.portal.pagecache.PageCache;
import org.a4p.portal.support.Browser;
import org.a4p.portal.support.BrowserTest;
import org.a4p.portal.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six languages in a real browser (issue 12), one browser for all: in each language, chosen once with the
 * language switch's {@code ?lang=} and kept by its cookie, the public pages and the three signed-in journeys
 * (a delegate: their state's page, the entry form and its error summary; the Secretariat: the review queue and
 * an entry with its history; an administrator: the administration pages). Every page has the language's
 * {@code lang}, {@code dir} and Bootstrap style sheet (the RTL one in Arabic), one h1, no console error, and
 * no axe-core violation of WCAG 2.0–2.2 A/AA; each is photographed as
 * {@code target/screenshots/lang-<language>-<page>.png}. In Arabic the geometry is checked as laid out: the
 * navigation, the breadcrumbs and the status bars run from right to left (and from left to right in English).
 * Writes nothing that stays: the form sent with a mistake is refused; the users and the published entries
 * inserted for the bars are deleted afterwards.
 */
@BrowserTest
class LanguagesBrowserTest {

	private static final String PASSWORD = "languages password 12 correct horse";

	private static final String DELEGATE = "languages.delegate.pak";

	private static final String STAFF = "languages.secretariat";

	private static final String ADMIN = "languages.admin";

	/** The narrative of the entries this test inserts (and deletes). */
	private static final String MARK = "inserted by LanguagesBrowserTest";

	/** The public pages: file name part, path. */
	private static final List<Map.Entry<String, String>> PUBLIC = List.of(Map.entry("01-dashboard", "/"),
			Map.entry("02-area", "/areas/POL"), Map.entry("03-commitment", "/commitments/POL-1"),
			Map.entry("04-stakeholders", "/stakeholders"), Map.entry("05-stakeholder", "/stakeholders/PAK"),
			Map.entry("06-endorsements", "/endorsements"), Map.entry("07-method", "/method"),
			Map.entry("08-about", "/about"));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	PageCache pageCache;

	String cycle;

	@BeforeEach
	void usersWithRealPasswords() {
		this.cycle = this.jdbc.sql("select code from reporting_cycle "
				+ "order by (state = 'OPEN') desc, period_start desc, id desc limit 1").query(String.class).single();
		TestUsers users = new TestUsers(this.jdbc);
		String hash = this.passwordEncoder.encode(PASSWORD);
		users.insert(DELEGATE, Role.DELEGATE, "PAK", hash);
		users.insert(STAFF, Role.SECRETARIAT, null, hash);
		users.insert(ADMIN, Role.ADMIN, null, hash);
		// published progress in the POL area, so that its bars have several segments to lay out: the
		// Philippines Complete, the EU Limited, the rest without evidence
		this.jdbc.sql("""
				insert into progress_entry (commitment_id, stakeholder_id, cycle_id, status, workflow_state, narrative,
				                            published_status, published_at, submitted_at)
				select ap.commitment_id, ap.stakeholder_id, ap.cycle_id, v.status, 'VALIDATED', :mark, v.status, now(), now()
				from applicable_pair ap
				join stakeholder s on s.id = ap.stakeholder_id
				join commitment c on c.id = ap.commitment_id join area a on a.id = c.area_id
				join reporting_cycle rc on rc.id = ap.cycle_id
				join (values ('PHL', 'COMPLETE'), ('EU', 'LIMITED')) as v(code, status) on v.code = s.code
				where rc.code = :cycle and a.code = 'POL'
				on conflict do nothing
				""").param("mark", MARK).param("cycle", this.cycle).update();
		this.pageCache.invalidateAll();
	}

	@AfterEach
	void deleteTheUsersAndEntries() {
		this.jdbc.sql("delete from progress_entry where narrative = ?").param(MARK).update();
		this.jdbc.sql("delete from audit_event where actor in (?, ?, ?)").params(DELEGATE, STAFF, ADMIN).update();
		this.jdbc.sql("delete from app_user where username in (?, ?, ?)").params(DELEGATE, STAFF, ADMIN).update();
		this.pageCache.invalidateAll();
	}

	@Test
	void everyLanguageReadsRightAndInItsOwnDirection(Browser browser) {
		// an entry with a history, for the Secretariat (any cycle)
		String entry = this.jdbc.sql("""
				select '/entries/' || rc.code || '/' || s.code || '/' || c.code from progress_entry pe
				join stakeholder s on s.id = pe.stakeholder_id join commitment c on c.id = pe.commitment_id
				join reporting_cycle rc on rc.id = pe.cycle_id
				order by pe.id desc limit 1
				""").query(String.class).optional().orElse("/entries/" + this.cycle + "/PAK/POL-1");
		List<String> checked = new ArrayList<>();
		for (String language : List.of("ar", "zh", "en", "fr", "ru", "es")) {
			browser.driver().manage().deleteAllCookies();
			browser.open("/?lang=" + language);
			for (Map.Entry<String, String> page : PUBLIC) {
				browser.open(page.getValue());
				check(browser, language, page.getKey(), checked);
				if (page.getValue().equals("/areas/POL")) {
					assertDirection(browser, language);
				}
			}

			signIn(browser, DELEGATE, language, checked);
			browser.open("/my");
			check(browser, language, "11-delegate-my", checked);
			browser.open("/entries/" + this.cycle + "/PAK/POL-2");
			check(browser, language, "12-delegate-entry-form", checked);
			// a mistake: the form comes back with its error summary (and nothing is saved)
			browser.find(By.id("evidence-0-url")).sendKeys("not a web address");
			browser.follow(browser.find(By.cssSelector("form.entry-form button[type='submit']")));
			assertThat(browser.findAll(By.cssSelector(".error-summary"))).as("error summary in " + language).hasSize(1);
			// the refusal's status (422) is the console's only complaint
			assertThat(browser.driver().manage().logs().get(LogType.BROWSER).getAll())
				.filteredOn((log) -> log.getLevel().intValue() >= Level.SEVERE.intValue())
				.extracting(LogEntry::getMessage)
				.allMatch((message) -> message.contains("status of 422"), "the form's 422");
			check(browser, language, "13-delegate-entry-errors", checked);
			signOut(browser);

			signIn(browser, STAFF, language, checked);
			browser.open("/review");
			check(browser, language, "21-secretariat-review", checked);
			browser.open(entry);
			check(browser, language, "22-secretariat-entry", checked);
			signOut(browser);

			signIn(browser, ADMIN, language, checked);
			for (String admin : List.of("/admin", "/admin/users", "/admin/audit", "/admin/catalogue")) {
				browser.open(admin);
				check(browser, language, "3" + admin.replace('/', '-'), checked);
			}
			signOut(browser);
		}
		assertThat(this.jdbc.sql("""
				select count(*) from progress_entry pe join stakeholder s on s.id = pe.stakeholder_id
				join commitment c on c.id = pe.commitment_id join reporting_cycle rc on rc.id = pe.cycle_id
				where rc.code = ? and s.code = 'PAK' and c.code = 'POL-2' and pe.created_by = ?
				""").params(this.cycle, DELEGATE).query(Long.class).single()).as("the refused form saved nothing").isZero();
		// per language: the public pages, sign-in, three of the delegate's, two of the Secretariat's, four administration pages
		assertThat(checked).hasSize(6 * (PUBLIC.size() + 1 + 3 + 2 + 4));
	}

	/** What every page must be in its language; then photographed (what the screen shows: see below). */
	@SuppressWarnings("unchecked")
	private static void check(Browser browser, String language, String name, List<String> checked) {
		String where = name + " in " + language + " (" + browser.path() + ")";
		// what is checked of the page in one round trip (a WebDriver call per attribute cost more than axe-core)
		Map<String, Object> page = (Map<String, Object>) browser.driver().executeScript("""
				return {lang: document.documentElement.getAttribute('lang'),
				  dir: document.documentElement.getAttribute('dir'),
				  sheets: Array.from(document.querySelectorAll("link[rel='stylesheet']")).map((l) => l.getAttribute('href')),
				  h1: document.querySelectorAll('h1').length};
				""");
		assertThat(page.get("lang")).as("lang of " + where).isEqualTo(language);
		Object dir = page.get("dir");
		List<String> sheets = (List<String>) page.get("sheets");
		if (language.equals("ar")) {
			assertThat(dir).as("dir of " + where).isEqualTo("rtl");
			assertThat(sheets).as("style sheets of " + where).anyMatch((href) -> href.endsWith("bootstrap.rtl.min.css"));
		}
		else {
			assertThat(dir).as("dir of " + where).isIn(null, "ltr");
			assertThat(sheets).as("style sheets of " + where).anyMatch((href) -> href.endsWith("bootstrap.min.css"))
				.noneMatch((href) -> href.contains(".rtl."));
		}
		assertThat(((Number) page.get("h1")).intValue()).as("one h1 on " + where).isEqualTo(1);
		try {
			browser.assertSound(where);
		}
		catch (RuntimeException ex) {
			// axe-core could not finish (chromedriver: "Timed out receiving message from renderer" on a busy
			// machine): once more, then it fails for good
			if (!(ex instanceof TimeoutException || ex instanceof ScriptTimeoutException
					|| ex.getCause() instanceof TimeoutException)) {
				throw ex;
			}
			browser.assertAccessible(where);
		}
		// The top of the page, as the reader first sees it (header, navigation, heading, the start of the content),
		// enough to see each script's glyphs and the direction; a photograph of the whole page cost four times as
		// much. PublicPagesBrowserTest photographs every public page whole, in English and Chinese, at two widths.
		browser.screenshotOfViewport("lang-" + language + "-" + name);
		checked.add(where);
	}

	/**
	 * The layout as drawn: in Arabic the main navigation's first item, the breadcrumbs' first link and each
	 * status bar's first (most advanced) segment are on the right of what follows them; in other languages on
	 * the left.
	 */
	@SuppressWarnings("unchecked")
	private static void assertDirection(Browser browser, String language) {
		Map<String, Object> layout = (Map<String, Object>) browser.driver().executeScript("""
				const x = (e) => e.getBoundingClientRect().left;
				const nav = [...document.querySelectorAll('nav.navbar ul.navbar-nav:first-of-type > li')];
				const crumbs = [...document.querySelectorAll('nav .breadcrumb li')];
				const bars = [...document.querySelectorAll('svg.status-bar')].map((svg) =>
				    [...svg.querySelectorAll('rect[class^="status-fill"]')].filter((r) => r.getBoundingClientRect().width > 0.5));
				const barred = bars.filter((rects) => rects.length >= 2);
				return {
				  navFirst: x(nav[0]), navSecond: x(nav[1]),
				  crumbFirst: crumbs.length > 1 ? x(crumbs[0]) : null, crumbLast: crumbs.length > 1 ? x(crumbs[crumbs.length - 1]) : null,
				  bars: barred.length,
				  barsRightToLeft: barred.filter((rects) => x(rects[0]) > x(rects[1])).length
				};
				""");
		double navFirst = ((Number) layout.get("navFirst")).doubleValue();
		double navSecond = ((Number) layout.get("navSecond")).doubleValue();
		long bars = ((Number) layout.get("bars")).longValue();
		long rightToLeft = ((Number) layout.get("barsRightToLeft")).longValue();
		assertThat(layout.get("crumbFirst")).as("breadcrumbs on the area page").isNotNull();
		double crumbFirst = ((Number) layout.get("crumbFirst")).doubleValue();
		double crumbLast = ((Number) layout.get("crumbLast")).doubleValue();
		assertThat(bars).as("status bars with two segments or more on the area page").isPositive();
		if (language.equals("ar")) {
			assertThat(navFirst).as("the first navigation item is right of the second").isGreaterThan(navSecond);
			assertThat(crumbFirst).as("the first breadcrumb is right of the last").isGreaterThan(crumbLast);
			assertThat(rightToLeft).as("bars whose first segment is right of the second").isEqualTo(bars);
		}
		else {
			assertThat(navFirst).as("the first navigation item is left of the second").isLessThan(navSecond);
			assertThat(crumbFirst).as("the first breadcrumb is left of the last").isLessThan(crumbLast);
			assertThat(rightToLeft).as("bars whose first segment is right of the second").isZero();
		}
	}

	private static void signIn(Browser browser, String username, String language, List<String> checked) {
		browser.signIn(username, PASSWORD, (signInPage) -> {
			if (username.equals(DELEGATE)) {
				check(signInPage, language, "10-sign-in", checked);
			}
		});
		// each role lands on its work: a delegate on /my, Secretariat staff on /secretariat, administrators on /admin
		String work = username.equals(DELEGATE) ? "/my" : username.equals(STAFF) ? "/secretariat" : "/admin";
		assertThat(browser.path()).as("signed in as " + username).isEqualTo(work);
		assertThat(browser.lang()).as("the language is kept through the sign-in").isEqualTo(language);
	}

	private static void signOut(Browser browser) {
		browser.signOut();
		assertThat(browser.path()).isEqualTo("/signed-out");
	}

}
