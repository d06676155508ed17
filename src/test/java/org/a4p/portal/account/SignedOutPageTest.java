package org.a4p.portal.account;

import org.a4p.portal.support.PortalTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.a4p.portal.support.SignedInUsers.asSecretariat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Signing out ends on a page saying so, in the reader's language, which no cache keeps. */
@PortalTest
class SignedOutPageTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void signingOutLeadsToAConfirmation() {
		assertThat(this.mvc.post().uri("/logout").with(asSecretariat()).with(csrf()).exchange())
			.hasStatus(302).hasRedirectedUrl("/signed-out");
	}

	@Test
	void theConfirmationIsInTheReadersLanguageAndNeverCached() throws Exception {
		MvcTestResult english = this.mvc.get().uri("/signed-out").header("Accept-Language", "en").exchange();
		assertThat(english).hasStatus(200).hasHeader("Cache-Control", "no-store");
		Document doc = Jsoup.parse(english.getResponse().getContentAsString());
		assertThat(doc.select("h1").text()).isEqualTo("You have signed out");
		assertThat(doc.select("main a").eachAttr("href")).contains("/login", "/");
		Document chinese = Jsoup.parse(this.mvc.get().uri("/signed-out").header("Accept-Language", "zh").exchange()
			.getResponse().getContentAsString());
		assertThat(chinese.select("h1").text()).isEqualTo("您已退出");
		// never stored by the page cache: PageCacheHttpTest.theSignInPageAndTheLanguageSwitchAreNeverCached
	}

}
