package org.a4p.portal.demo;

import org.a4p.portal.support.Browser;
import org.a4p.portal.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard as it looks with figures in it (demonstration data): banner, coloured bars and
 * counts pass the same checks as the empty dashboard. The data is removed afterwards.
 */
@BrowserTest
class DemoDataBrowserTest {

	@Autowired
	DemoDataGenerator generator;

	@Autowired
	DemoDataQuery demoData;

	@AfterEach
	void removeDemoData() {
		this.generator.remove();
		assertThat(this.demoData.present()).isFalse();
	}

	@Test
	void theDashboardWithDemonstrationDataShowsTheBannerAndStaysAccessible(Browser browser) {
		this.generator.generate(DemoRequest.ofCycles(42, 0));

		browser.open("/?lang=en");
		assertThat(browser.find(By.cssSelector(".demo-banner")).getText()).contains("Demonstration data");
		assertThat(browser.findAll(By.cssSelector("table.figures-table svg.status-bar rect"))).hasSizeGreaterThan(16);
		browser.assertSound("the dashboard with demonstration data");
		browser.screenshot("demo-dashboard-en");

		browser.open("/?lang=zh");
		assertThat(browser.find(By.cssSelector(".demo-banner")).getText()).contains("演示数据");
		browser.assertSound("the dashboard with demonstration data in Chinese");
		browser.screenshot("demo-dashboard-zh");
	}

}
