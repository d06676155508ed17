package org.a4p.portal.publication;

import java.util.List;

import org.a4p.portal.progress.Status;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.PublishedEntries;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page takes a cycle ({@code ?cycle=CODE}): the current one by default, at the address it always
 * had; another one shown when named, with a selector (a plain GET form) on each page, the choice kept in the
 * links between pages and in the language switch; an unknown cycle is a 404 page, a malformed one a 400 page.
 */
@PortalTest
@Transactional
class CycleChoiceTest {

	/** Every public page that shows something of a cycle. */
	static final List<String> PAGES = List.of("/", "/areas/POL", "/commitments/POL-1", "/stakeholders/PAK",
			"/stakeholders/secretariat", "/organizations/EU", "/stakeholders", "/endorsements", "/stakeholders/progress",
			"/stakeholders/progress/areas", "/commitments/collective");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	String current;

	@BeforeEach
	void anOlderCycleWithAValidatedEntry() {
		this.current = this.jdbc.sql("select code from reporting_cycle order by (state = 'OPEN') desc, "
				+ "period_start desc, id desc limit 1").query(String.class).single();
		PublishedEntries.closedCycle(this.jdbc, "2019");
		PublishedEntries.validatedIn(this.jdbc, "2019", "POL-1", "PAK", Status.COMPLETE);
	}

	@Test
	void everyPageShowsTheCurrentCycleByDefaultAndTheSelectorOffersEveryCycle() {
		for (String page : PAGES) {
			Document doc = Html.get(this.mvc, page, "en");
			assertThat(doc.select("form.cycle-choice-form")).as(page).hasSize(1);
			assertThat(doc.select("form.cycle-choice-form").attr("method")).as(page).isEqualTo("get");
			assertThat(doc.select("#cycle-choice option[selected]").attr("value")).as(page).isEqualTo(this.current);
			assertThat(doc.select("#cycle-choice option").eachAttr("value")).as(page).contains(this.current, "2019");
			assertThat(doc.select("label[for=cycle-choice]").text()).as(page).isEqualTo("Reporting cycle");
			assertThat(doc.select("form.cycle-choice-form button[type=submit]").text()).as(page).isEqualTo("Show");
			assertThat(doc.select(".cycle-not-current")).as(page).isEmpty();
			// links to other public pages stay canonical: no ?cycle= for the current cycle
			assertThat(doc.select("main a[href*=cycle=]")).as(page).isEmpty();
		}
	}

	@Test
	void everyPageShowsTheCycleNamedAndKeepsItInItsLinksAndLanguageSwitch() {
		for (String page : PAGES) {
			String uri = page + "?cycle=2019";
			Document doc = Html.get(this.mvc, uri, "en");
			assertThat(doc.select("#cycle-choice option[selected]").attr("value")).as(uri).isEqualTo("2019");
			assertThat(doc.select(".cycle-not-current").text()).as(uri)
				.contains("You are reading reporting cycle 2019.", "Go to the current cycle (" + this.current + ")");
			assertThat(doc.select(".cycle-not-current a").attr("href")).as(uri).isEqualTo(page);
			assertThat(doc.select(".language-switch a[hreflang=zh]").attr("href")).as(uri)
				.isEqualTo(page + "?cycle=2019&lang=zh");
			assertThat(doc.select(".site-header a.nav-link[href^=/stakeholders]").attr("href")).as(uri)
				.isEqualTo("/stakeholders?cycle=2019");
		}
		Document dashboard = Html.get(this.mvc, "/?cycle=2019", "en");
		assertThat(dashboard.select("table.figures-table tbody th a").first().attr("href")).isEqualTo("/areas/POL?cycle=2019");
		Document area = Html.get(this.mvc, "/areas/POL?cycle=2019", "en");
		assertThat(area.select(".commitments-table tbody th a").first().attr("href")).isEqualTo("/commitments/POL-1?cycle=2019");
		assertThat(area.select(".breadcrumb a").first().attr("href")).isEqualTo("/?cycle=2019");
		Document commitment = Html.get(this.mvc, "/commitments/POL-1?cycle=2019", "en");
		assertThat(commitment.select(".stakeholder-status-table tr[data-code=PAK] a").attr("href"))
			.isEqualTo("/stakeholders/PAK?cycle=2019");
		Document state = Html.get(this.mvc, "/stakeholders/PAK?cycle=2019", "en");
		assertThat(state.select(".applicable-table tr[data-code=POL-1] a").attr("href")).isEqualTo("/commitments/POL-1?cycle=2019");
		Document list = Html.get(this.mvc, "/stakeholders?cycle=2019&kind=MEMBER_STATE", "en");
		assertThat(list.select(".stakeholders-table tr[data-code=PAK] a").attr("href")).isEqualTo("/stakeholders/PAK?cycle=2019");
		assertThat(list.select("form.stakeholder-filters input[type=hidden][name=cycle]").val()).isEqualTo("2019");
		// the selector keeps the page's filters
		assertThat(list.select("form.cycle-choice-form input[type=hidden][name=kind]").val()).isEqualTo("MEMBER_STATE");
		Document overview = Html.get(this.mvc, "/stakeholders/progress?cycle=2019&kind=MEMBER_STATE", "en");
		assertThat(overview.select(".overview-table tr[data-code=PAK] a").attr("href")).isEqualTo("/stakeholders/PAK?cycle=2019");
		assertThat(overview.select("form.progress-filters input[type=hidden][name=cycle]").val()).isEqualTo("2019");
		assertThat(overview.select("form.cycle-choice-form input[type=hidden][name=kind]").val()).isEqualTo("MEMBER_STATE");
		assertThat(overview.select(".progress-views a").eachAttr("href")).containsExactly(
				"/stakeholders/progress?cycle=2019", "/stakeholders/progress/areas?cycle=2019",
				"/commitments/collective?cycle=2019");
		Document collective = Html.get(this.mvc, "/commitments/collective?cycle=2019", "en");
		assertThat(collective.select("table tbody th a").first().attr("href")).endsWith("?cycle=2019");
	}

	@Test
	void theCycleNamedIsTheOneCounted() {
		Document state = Html.get(this.mvc, "/stakeholders/PAK?cycle=2019", "en");
		assertThat(state.select(".applicable-table tr[data-code=POL-1] .status-cell").attr("data-status")).isEqualTo("COMPLETE");
		assertThat(Html.get(this.mvc, "/stakeholders/PAK", "en").select(".applicable-table tr[data-code=POL-1] .status-cell")
			.attr("data-status")).isEqualTo("NO_EVIDENCE");
		Document commitment = Html.get(this.mvc, "/commitments/POL-1?cycle=2019", "en");
		assertThat(commitment.select(".stakeholder-status-table tr[data-code=PAK] .status-cell").attr("data-status"))
			.isEqualTo("COMPLETE");
		assertThat(commitment.select("#progress-heading").text()).contains("2019");
	}

	@Test
	void aCycleCodeIsReadInAnyCaseAndAnEmptyOneIsTheCurrentCycle() {
		this.jdbc.sql("update reporting_cycle set code = 'Y2019' where code = '2019'").update();
		assertThat(Html.get(this.mvc, "/areas/POL?cycle=y2019", "en").select("#cycle-choice option[selected]").val())
			.isEqualTo("Y2019");
		assertThat(Html.get(this.mvc, "/?cycle=", "en").select("#cycle-choice option[selected]").val()).isEqualTo(this.current);
	}

	@Test
	void anUnknownCycleIsNotFoundAndAMalformedOneABadRequestOnEveryPage() {
		for (String page : PAGES) {
			Document unknown = Html.expect(this.mvc.get().uri(page + "?cycle=1999").header("Accept-Language", "en").exchange(),
					HttpStatus.NOT_FOUND);
			assertThat(unknown.select("h1").text()).as(page).isEqualTo("Page not found");
			for (String malformed : List.of("%3Cscript%3E", "2019%27", "x".repeat(21), "20%2019")) {
				Document bad = Html.expect(this.mvc.get().uri(page + "?cycle=" + malformed).header("Accept-Language", "en")
					.exchange(), HttpStatus.BAD_REQUEST);
				assertThat(bad.select("h1").text()).as(page).isEqualTo("This address is not valid");
				assertThat(bad.select("main").text()).as(page).contains("“cycle”");
			}
		}
		Document chinese = Html.expect(this.mvc.get().uri("/?cycle=%3C").header("Accept-Language", "zh").exchange(),
				HttpStatus.BAD_REQUEST);
		assertThat(chinese.select("h1").text()).isEqualTo("此地址无效");
	}

	@Test
	void aPublicationThatIsNotANumberIsABadRequestAndOneOfAnotherCycleIsNotFound() {
		for (String page : List.of("/", "/areas/POL", "/commitments/POL-1", "/stakeholders/PAK")) {
			Html.expect(this.mvc.get().uri(page + "?publication=abc").header("Accept-Language", "en").exchange(),
					HttpStatus.BAD_REQUEST);
			Html.expect(this.mvc.get().uri(page + "?cycle=2019&publication=999999999").header("Accept-Language", "en")
				.exchange(), HttpStatus.NOT_FOUND);
		}
	}

	@Test
	void aCodeSpelledInLowerCaseRedirectsKeepingTheCycle() {
		var result = this.mvc.get().uri("/areas/pol?cycle=2019&lang=en").exchange();
		assertThat(result).hasStatus(HttpStatus.MOVED_PERMANENTLY);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/areas/POL?cycle=2019&lang=en");
	}

}
