package org.a4p.portal.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The page checks themselves can fail: axe-core, which Chromium adds to every document ({@code Browser.start}), finds
 * an image without a text alternative, and passes the same page with one.
 */
@BrowserTest
class BrowserChecksTest {

	private static final String PAGE = "data:text/html;charset=utf-8,<!doctype html><html lang='en'><head>"
			+ "<title>A page</title></head><body><main><h1>A page</h1><img src='data:,' %s></main></body></html>";

	@Test
	void axeCoreFindsAViolationAndPassesThePageWithoutIt(Browser browser) {
		browser.driver().get(PAGE.formatted(""));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> browser.assertAccessible("an image without alt"))
			.withMessageContaining("1 accessibility rule(s) violated")
			.withMessageContaining("image-alt");
		browser.driver().get(PAGE.formatted("alt='a picture'"));
		browser.assertAccessible("the same image with alt");
		assertThat(browser.driver().executeScript("return typeof window.axe")).isEqualTo("object");
	}

}
