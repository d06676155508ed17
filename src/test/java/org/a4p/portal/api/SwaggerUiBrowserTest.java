package org.a4p.portal.api;

import java.time.Duration;

import org.a4p.portal.support.Browser;
import org.a4p.portal.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI ({@code /api/docs}) in a real browser under the portal's Content-Security-Policy: it loads the
 * description, lists the operations, and "Try it out" → "Execute" gets a 200 from the API; the console reports
 * nothing (no CSP violation: the one inline style of the logo is allowed by its hash, nothing else is). And the
 * printable report page, which must pass like every page.
 */
@BrowserTest
class SwaggerUiBrowserTest {

	@Test
	void swaggerUiListsTheOperationsAndTriesOneUnderTheCsp(Browser browser) {
		browser.open("/api/docs");
		WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
		wait.until((d) -> browser.findAll(By.cssSelector(".opblock")).size() >= 11);
		assertThat(browser.path()).startsWith("/api/swagger-ui/index.html");
		WebElement areas = browser.findAll(By.cssSelector(".opblock-summary"))
			.stream()
			.filter((o) -> o.getText().contains("/api/v1/areas") && !o.getText().contains("{code}"))
			.findFirst()
			.orElseThrow();
		areas.click();
		wait.until((d) -> !browser.findAll(By.cssSelector(".try-out__btn")).isEmpty());
		browser.find(By.cssSelector(".try-out__btn")).click();
		wait.until((d) -> !browser.findAll(By.cssSelector(".execute")).isEmpty());
		browser.find(By.cssSelector(".execute")).click();
		wait.until((d) -> browser.findAll(By.cssSelector(".live-responses-table .response-col_status"))
			.stream()
			.anyMatch((s) -> s.getText().trim().equals("200")));
		browser.screenshot("api-docs-try-it-out");
		browser.assertNoConsoleErrors("Swagger UI");
	}

	@Test
	void theReportPageIsSound(Browser browser) {
		browser.open("/reports/stakeholders/PAK");
		assertThat(browser.findAll(By.tagName("h1"))).hasSize(1);
		browser.assertSound("the printable report");
		browser.screenshot("report-pak");
	}

}
