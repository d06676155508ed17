package org.a4p.portal.api;

import java.time.Duration;
import java.util.List;

import org.a4p.portal.support.Browser;
import org.a4p.portal.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI ({@code /api/docs}) in a real browser under the portal's Content-Security-Policy: it loads the
 * description and lists the operations, and the console reports nothing (no CSP violation: the one inline style
 * of the logo is allowed by its hash, nothing else is); "Try it out" and "Execute" on one GET operation show its
 * 200 answer. And the printable report page, which must pass like every page.
 */
@BrowserTest
class SwaggerUiBrowserTest {

	@Test
	void swaggerUiListsTheOperationsUnderTheCsp(Browser browser) {
		browser.open("/api/docs");
		WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
		wait.until((d) -> browser.findAll(By.cssSelector(".opblock")).size() >= 11);
		assertThat(browser.path()).startsWith("/api/swagger-ui/index.html");
		browser.screenshot("api-docs");
		browser.assertNoConsoleErrors("Swagger UI");
	}

	/**
	 * "Try it out" on {@code GET /api/v1/areas}, then "Execute": Swagger UI calls the API from the page (the
	 * policy's {@code connect-src 'self'}) and shows the 200 answer's body, with nothing in the console.
	 */
	@Test
	void tryItOutExecutesAGetAndShowsItsAnswer(Browser browser) {
		browser.open("/api/docs");
		WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
		By areas = By.xpath("//div[contains(concat(' ', @class, ' '), ' opblock ')]"
				+ "[.//*[@data-path='/api/v1/areas']]");
		WebElement operation = wait.until((d) -> d.findElements(areas).stream().findFirst().orElse(null));
		click(browser, operation.findElement(By.cssSelector(".opblock-summary-control")));
		// springdoc.swagger-ui.try-it-out-enabled: an operation opens ready to try (its button then says "Cancel");
		// "Try it out" is pressed only where it is offered
		WebElement execute = wait.until((d) -> {
			WebElement block = d.findElement(areas);
			List<WebElement> offered = block.findElements(By.cssSelector(".try-out__btn:not(.cancel)"));
			if (!offered.isEmpty() && offered.get(0).isDisplayed()) {
				click(browser, offered.get(0));
				return null;
			}
			return block.findElements(By.cssSelector("button.execute")).stream().filter(WebElement::isDisplayed)
				.findFirst().orElse(null);
		});
		click(browser, execute);
		WebElement response = wait.until((d) -> d.findElement(areas)
			.findElements(By.cssSelector(".live-responses-table .response")).stream().findFirst().orElse(null));
		assertThat(response.findElement(By.cssSelector(".response-col_status")).getText().strip()).startsWith("200");
		browser.screenshot("api-docs-try-it-out");
		WebElement answer = response.findElement(By.cssSelector(".response-col_description"));
		String body = String.valueOf(browser.driver().executeScript("return arguments[0].textContent;", answer));
		assertThat(body).as(String.valueOf(browser.driver().executeScript("return arguments[0].outerHTML;", answer)))
			.contains("\"code\"").contains("POL");
		browser.assertNoConsoleErrors("Swagger UI, Try it out");
	}

	/** Brings the element into view, then clicks it as a reader would. */
	private static void click(Browser browser, WebElement element) {
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	@Test
	void theReportPageIsSound(Browser browser) {
		browser.open("/reports/stakeholders/PAK");
		assertThat(browser.findAll(By.tagName("h1"))).hasSize(1);
		browser.assertSound("the printable report");
		browser.screenshot("report-pak");
	}

}
