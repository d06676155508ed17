package org.a4p.portal.admin;

import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.a4p.portal.support.Pages.html;
import static org.a4p.portal.support.SignedInUsers.asAdmin;
import static org.a4p.portal.support.SignedInUsers.asDelegate;
import static org.a4p.portal.support.SignedInUsers.asSecretariat;
import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class AdminIndexTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theAdministrationHomeLinksEverySection() {
		MvcTestResult result = this.mvc.get().uri("/admin").with(asAdmin()).header("Accept-Language", "en").exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		Document page = html(result);
		assertThat(page.title()).isEqualTo("Administration – A4P commitments portal");
		assertThat(page.select("h1")).hasSize(1);
		assertThat(page.select("main h2 a").eachAttr("href")).containsExactly("/admin/users", "/admin/endorsements",
				"/admin/capacities", "/admin/cycles", "/admin/outbox", "/entries", "/admin/catalogue", "/admin/audit");
		assertThat(page.select("header a[href=/admin]")).hasSize(1);
	}

	@Test
	void everyAdministrationPageRendersInChineseWithOneHeading() {
		for (String uri : new String[] { "/admin", "/admin/endorsements", "/admin/endorsements/new",
				"/admin/endorsements/import", "/admin/capacities", "/admin/capacities/new", "/admin/cycles",
				"/admin/cycles/new", "/admin/audit" }) {
			MvcTestResult result = this.mvc.get().uri(uri).with(asAdmin()).header("Accept-Language", "zh").exchange();
			assertThat(result).as(uri).hasStatus(HttpStatus.OK);
			Document page = html(result);
			assertThat(page.select("html").attr("lang")).as(uri).isEqualTo("zh");
			assertThat(page.select("h1")).as(uri).hasSize(1);
			assertThat(page.select("main#main")).as(uri).hasSize(1);
			assertThat(page.title()).as(uri).endsWith("– A4P 承诺门户");
			assertThat(page.select("[style]")).as(uri).isEmpty();
			assertThat(page.select("form[method=post]")).as(uri)
				.allSatisfy((form) -> assertThat(form.select("input[name=_csrf]")).hasSize(1));
		}
	}

	@Test
	void nobodyElseGetsIn() {
		assertThat(this.mvc.get().uri("/admin").with(asSecretariat()).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri("/admin").with(asDelegate(1, "PAK")).exchange()).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult anonymous = this.mvc.get().uri("/admin").exchange();
		assertThat(anonymous).hasStatus(HttpStatus.FOUND);
		assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
	}

}
