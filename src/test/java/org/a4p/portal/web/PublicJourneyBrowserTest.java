package org.a4p.portal.web;

import org.a4p.portal.support.Browser;
import org.a4p.portal.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's journey in a real browser: the dashboard, the language switch to Chinese, an area,
 * one of its commitments; every page checked for console errors (missing files, CSP violations) and
 * with axe-core (WCAG A/AA), and photographed under
 * {@code target/screenshots/}. Reads only: leaves nothing in the database.
 */
@BrowserTest
class PublicJourneyBrowserTest {

	@Test
	void aReaderSwitchesToChineseAndFollowsLinksFromTheDashboardToACommitment(Browser browser) {
		browser.open("/");
		assertThat(browser.lang()).isEqualTo("en");
		assertOneH1(browser);
		browser.assertSound("the dashboard in English");
		browser.screenshot("01-dashboard-en");

		WebElement chinese = browser.find(By.cssSelector(".language-switch a[hreflang='zh']"));
		assertThat(chinese.isDisplayed()).as("the language switch link is visible").isTrue();
		assertThat(chinese.getText()).isEqualTo("中文");
		browser.follow(chinese);
		assertThat(browser.lang()).isEqualTo("zh");
		assertThat(browser.driver().getTitle()).endsWith("A4P 承诺门户");
		assertOneH1(browser);
		browser.assertSound("the dashboard in Chinese");
		browser.screenshot("02-dashboard-zh");

		browser.follow(browser.find(By.cssSelector("a[href='/areas/POL']")));
		assertThat(browser.path()).isEqualTo("/areas/POL");
		assertThat(browser.lang()).as("the language choice is remembered").isEqualTo("zh");
		assertOneH1(browser);
		browser.assertSound("the area page POL in Chinese");
		browser.screenshot("03-area-POL-zh");

		browser.follow(browser.find(By.cssSelector("main a[href='/commitments/POL-1']")));
		assertThat(browser.path()).isEqualTo("/commitments/POL-1");
		assertThat(browser.lang()).isEqualTo("zh");
		assertOneH1(browser);
		browser.assertSound("the commitment page POL-1 in Chinese");
		browser.screenshot("04-commitment-POL-1-zh");
	}

	private static void assertOneH1(Browser browser) {
		assertThat(browser.findAll(By.tagName("h1"))).as("exactly one h1 on " + browser.path()).hasSize(1);
	}

}
