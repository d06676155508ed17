package org.a4p.portal.account;

import java.time.Duration;

import org.a4p.portal.support.Browser;
import org.a4p.portal.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After signing out, the browser's Back button must not show the private page left behind. Chromium
 * keeps pages in its back/forward cache even when they say {@code no-store}; sign-out's
 * {@code Clear-Site-Data: "cache"} makes it drop them, and a page of a signed-in user that comes back
 * from that cache anyway is hidden and asked for again ({@code assets/js/private-page.js}), so Back
 * asks the portal again, which sends a signed-out reader to the sign-in page. (Without either, Back
 * shows the account page again: checked when this test was written.)
 */
@BrowserTest
class SignOutBrowserTest {

	static final String PASSWORD = "a passphrase for going back";

	static final String NAME = "Private Person Of Bfcache";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@BeforeEach
	void aUser() {
		this.jdbc.sql("insert into app_user (username, display_name, password_hash, role) values (?, ?, ?, 'SECRETARIAT')")
			.params("bfcache-staff", NAME, this.passwordEncoder.encode(PASSWORD))
			.update();
	}

	@AfterEach
	void deleteTheUser() {
		this.jdbc.sql("delete from spring_session where principal_name = 'bfcache-staff'").update();
		this.jdbc.sql("delete from app_user where username = 'bfcache-staff'").update();
	}

	@Test
	void afterSigningOutBackShowsNoPrivatePage(Browser browser) {
		browser.signIn("bfcache-staff", PASSWORD);
		assertThat(browser.path()).as("staff land on their work").isEqualTo("/secretariat");
		browser.open("/account");
		assertThat(browser.find(By.id("main")).getText()).contains(NAME);

		browser.signOut();
		assertThat(browser.path()).isEqualTo("/signed-out");

		browser.driver().navigate().back();
		// A page restored from the back/forward cache would stay; one asked for again leads to the sign-in page.
		try {
			new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
				.until((driver) -> "/login".equals(browser.path()) && "complete"
					.equals(browser.driver().executeScript("return document.readyState")));
		}
		catch (TimeoutException ex) {
			// the assertions below say what Back showed
		}
		assertThat(browser.driver().getPageSource()).as("the page Back shows").doesNotContain(NAME);
		assertThat(browser.path()).isEqualTo("/login");
	}

}
