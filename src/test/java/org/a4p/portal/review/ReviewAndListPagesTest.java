package org.a4p.portal.review;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.support.CookieSession;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.EntryTestSupport.page;
import static org.assertj.core.api.Assertions.assertThat;

/** The Secretariat's review queue, and the list of a stakeholder's entries (the my-entries fragment). */
@PortalTest
@Transactional
class ReviewAndListPagesTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	EntryTestSupport t;

	PortalUser pak;

	PortalUser phl;

	@BeforeEach
	void setUp() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		this.pak = this.t.delegateOf("PAK");
		this.phl = this.t.delegateOf("PHL");
		this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "Pakistan.", null);
		this.t.submit(this.pak, "PAK", "POL-1");
		this.t.save(this.phl, "PHL", "WPS-1", "SUBSTANTIAL", "Philippines.", null);
		this.t.submit(this.phl, "PHL", "WPS-1");
		this.t.save(this.phl, "PHL", "POL-1", "COMPLETE", "Still a draft.", null);
	}

	@Test
	void theQueueListsSubmissionsAndFiltersThem() {
		Document doc = page(this.t.get(this.t.secretariat(), "/review"));
		assertThat(doc.select("h1")).hasSize(1);
		assertThat(doc.select(".review-table tbody tr")).hasSize(2);
		assertThat(doc.select(".review-table tbody a").eachAttr("href")).containsExactly(
				this.t.path("PAK", "POL-1"), this.t.path("PHL", "WPS-1"));
		assertThat(doc.select("#cycle option[selected]").val()).isEqualTo(this.t.cycle);
		assertThat(doc.select("#stakeholder option").eachAttr("value")).contains("PAK", "PHL");

		assertThat(page(this.t.get(this.t.secretariat(), "/review?stakeholder=PHL")).select(".review-table tbody tr"))
			.hasSize(1);
		assertThat(page(this.t.get(this.t.secretariat(), "/review?area=WPS")).select(".review-table tbody a")
			.eachAttr("href")).containsExactly(this.t.path("PHL", "WPS-1"));
		assertThat(page(this.t.get(this.t.secretariat(), "/review?area=CON")).text())
			.contains("No submission is waiting for review.");
		assertThat(this.t.get(this.t.secretariat(), "/review?area=XYZ")).hasStatus(404);
		assertThat(this.t.get(this.t.secretariat(), "/review?cycle=1990")).hasStatus(404);
	}

	@Test
	void theEntryPageOffersValidateAndReturnToTheSecretariatThenBackToTheQueue() {
		Document entry = page(this.t.get(this.t.secretariat(), this.t.path("PAK", "POL-1")));
		assertThat(entry.select("form[action$=/validate] button").text()).isEqualTo("Validate and publish");
		assertThat(entry.select("form[action$=/return] textarea#comment")).hasSize(1);
		CookieSession session = new CookieSession();
		MvcTestResult validated = this.t.validate(this.t.secretariat(), "PAK", "POL-1", session);
		Document queue = page(this.mvc.get().uri(validated.getResponse().getRedirectedUrl())
			.with(session)
			.header("Accept-Language", "en")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(this.t.secretariat()))
			.exchange());
		assertThat(queue.select("[role=status]").text()).isEqualTo("Validated and published: POL-1 / PAK.");
		assertThat(queue.select(".review-table tbody tr")).hasSize(1);
	}

	@Test
	void aDelegateListsTheirStatesEntriesWithReturnedOnesAndTheirComments() {
		this.t.returnWith(this.t.secretariat(), "PHL", "WPS-1", "Add the\nnational plan.");
		Document doc = page(this.t.get(this.phl, "/entries"));
		assertThat(doc.select("h1")).hasSize(1);
		assertThat(doc.select(".my-entries-counts").text()).contains("1 draft").contains("1 returned")
			.contains("0 submitted");
		Element returned = doc.select(".my-entries-table tr.entry-returned").first();
		assertThat(returned.select("th a").attr("href")).isEqualTo(this.t.path("PHL", "WPS-1"));
		assertThat(returned.select(".narrative").first().wholeText()).isEqualTo("Add the\nnational plan.");
		assertThat(returned.text()).contains("Returned").contains("Substantial");
		long pairs = this.t.count("select count(*) from applicable_pair ap join stakeholder s on s.id = ap.stakeholder_id "
				+ "join reporting_cycle rc on rc.id = ap.cycle_id where rc.code = ? and s.code = 'PHL'", this.t.cycle);
		assertThat(doc.select(".my-entries-table tbody tr")).hasSize((int) pairs);
		assertThat(doc.select(".my-entries-counts").text()).contains((pairs - 2) + " not started");
		assertThat(doc.select("#stakeholder")).as("a delegate does not choose a stakeholder").isEmpty();
	}

	@Test
	void theSecretariatChoosesWhoseEntriesToList() {
		Document doc = page(this.t.get(this.t.secretariat(), "/entries"));
		assertThat(doc.select("h2#list-heading").text()).isEqualTo("United Nations Secretariat");
		assertThat(doc.select("#stakeholder option").eachAttr("value")).startsWith("SECRETARIAT")
			.contains("PAK", "PHL", "POL", "EU")
			.doesNotContain("FRA");
		assertThat(page(this.t.get(this.t.secretariat(), "/entries?stakeholder=PAK")).select(".my-entries-counts").text())
			.contains("1 submitted");
		assertThat(this.t.get(this.t.secretariat(), "/entries?stakeholder=NOPE")).hasStatus(404);
	}

}
