package org.a4p.portal.web;

import org.a4p.portal.support.PortalTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Every style sheet and icon the layout links to is served (a wrong webjar path fails silently in a browser). */
@PortalTest
class LayoutAssetsTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void everyStyleSheetAndIconOfTheLayoutIsServed() throws Exception {
		Document doc = Jsoup.parse(this.mvc.get().uri("/").exchange().getResponse().getContentAsString());
		var links = doc.select("link[rel=stylesheet], link[rel=icon]");
		assertThat(links.eachAttr("href")).contains("/assets/css/portal.css")
			.anyMatch((href) -> href.startsWith("/webjars/bootstrap/") && href.endsWith("/css/bootstrap.min.css"));
		for (String href : links.eachAttr("href")) {
			MvcTestResult asset = this.mvc.get().uri(href).exchange();
			assertThat(asset).as(href).hasStatus(HttpStatus.OK);
			assertThat(asset.getResponse().getContentAsByteArray()).as(href).isNotEmpty();
		}
	}

}
