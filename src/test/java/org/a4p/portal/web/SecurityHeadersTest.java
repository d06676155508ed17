package org.a4p.portal.web;

import java.util.List;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.account.Role;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The security headers on public and signed-in pages, and pages that keep to the CSP. */
@PortalTest
@Transactional
class SecurityHeadersTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	private static void assertSecurityHeaders(MvcTestResult result) {
		var response = result.getResponse();
		String csp = response.getHeader("Content-Security-Policy");
		assertThat(csp).isNotNull()
			.contains("default-src 'self'")
			.contains("script-src 'self'")
			.contains("style-src 'self'")
			.contains("object-src 'none'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
	}

	@Test
	void publicPagesCarryTheSecurityHeaders() {
		for (String uri : List.of("/", "/login")) {
			MvcTestResult result = this.mvc.get().uri(uri).exchange();
			assertThat(result).as(uri).hasStatus(HttpStatus.OK);
			assertSecurityHeaders(result);
		}
		assertSecurityHeaders(this.mvc.get().uri("/no-such-page").exchange());
	}

	@Test
	void signedInPagesCarryTheSecurityHeadersAndAreNotCached() {
		TestUsers users = new TestUsers(this.jdbc, this.userDetails);
		users.insert("hdr-admin", Role.ADMIN, null, TestUsers.NO_PASSWORD);
		MvcTestResult result = this.mvc.get().uri("/admin/users").with(user(users.load("hdr-admin"))).exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		assertSecurityHeaders(result);
		assertThat(result.getResponse().getHeader("Pragma")).isEqualTo("no-cache");
	}

	@Test
	void pagesHaveNoInlineScriptOrStyleThatTheCspWouldBlock() throws Exception {
		TestUsers users = new TestUsers(this.jdbc, this.userDetails);
		users.insert("hdr-admin2", Role.ADMIN, null, TestUsers.NO_PASSWORD);
		users.insert("hdr-delegate", Role.DELEGATE, "PAK", TestUsers.NO_PASSWORD);
		PortalUser admin = users.load("hdr-admin2");
		PortalUser delegate = users.load("hdr-delegate");
		record Page(String uri, PortalUser user) {
		}
		List<Page> pages = List.of(new Page("/", null), new Page("/login", null), new Page("/admin/users", admin),
				new Page("/admin/users/new", admin), new Page("/account", delegate),
				new Page("/account/password", delegate), new Page("/my", delegate));
		for (Page page : pages) {
			var request = this.mvc.get().uri(page.uri());
			if (page.user() != null) {
				request.with(user(page.user()));
			}
			MvcTestResult result = request.exchange();
			assertThat(result).as(page.uri()).hasStatus(HttpStatus.OK);
			Document doc = Jsoup.parse(result.getResponse().getContentAsString());
			assertThat(doc.select("[style]")).as(page.uri() + " style attributes").isEmpty();
			assertThat(doc.select("style")).as(page.uri() + " style elements").isEmpty();
			assertThat(doc.select("script:not([src])")).as(page.uri() + " inline scripts").isEmpty();
			for (Element element : doc.getAllElements()) {
				assertThat(element.attributes().asList())
					.as(page.uri() + " event handler on <" + element.tagName() + ">")
					.noneMatch((attribute) -> attribute.getKey().toLowerCase().startsWith("on"));
			}
		}
	}

}
