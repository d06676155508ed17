package org.a4p.portal.work;

import java.util.List;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.EntryTestSupport.page;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Secretariat's work page: what waits for review (counts linking to the queue), what staff entered on
 * behalf of others, and the Secretariat's own entries; the menu leads there and to the entries.
 */
@PortalTest
@Transactional
class SecretariatHomeTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	EntryTestSupport t;

	PortalUser staff;

	@BeforeEach
	void setUp() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		this.staff = this.t.secretariat();
	}

	@Test
	void theReviewQueuesCountsLinkToTheQueue() {
		this.t.save(this.t.delegateOf("PAK"), "PAK", "POL-1", "LIMITED", "Ours.", null);
		this.t.submit(this.t.delegateOf("PAK"), "PAK", "POL-1");
		this.t.save(this.t.delegateOf("PHL"), "PHL", "WPS-1", "COMPLETE", "Theirs.", null);
		this.t.submit(this.t.delegateOf("PHL"), "PHL", "WPS-1");

		Document doc = page(this.t.get(this.staff, "/secretariat"));
		assertThat(doc.select("h1").text()).isEqualTo("Your work");
		assertThat(doc.select("a.review-total").text()).isEqualTo("2 submissions are waiting for review");
		assertThat(doc.select("a.review-total").attr("href")).isEqualTo("/review?cycle=" + this.t.cycle);
		assertThat(doc.select(".review-by-area a").eachText()).containsExactly("Politics: 1", "Women, Peace and Security: 1");
		assertThat(doc.select(".review-by-area a").eachAttr("href")).containsExactly(
				"/review?cycle=" + this.t.cycle + "&area=POL", "/review?cycle=" + this.t.cycle + "&area=WPS");
	}

	@Test
	void entriesMadeOnBehalfOfOthersAreListedReturnedOnesFirst() {
		this.t.save(this.staff, "PAK", "POL-2", "LIMITED", "From the report.", null);
		this.t.save(this.staff, "EU", "POL-1", "SUBSTANTIAL", "EU support.", null);
		this.t.submit(this.staff, "EU", "POL-1");
		this.t.returnWith(this.t.secretariat("secretariat.two"), "EU", "POL-1", "Which mission?");
		// the delegate's own entry is not the Secretariat's
		this.t.save(this.t.delegateOf("PHL"), "PHL", "POL-1", "LIMITED", "Mine.", null);

		Document doc = page(this.t.get(this.staff, "/secretariat"));
		List<String> rows = doc.select(".on-behalf-table tbody tr").eachText();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).contains("EU").contains("POL-1").contains("Returned");
		assertThat(rows.get(1)).contains("Pakistan (PAK)").contains("POL-2").contains("Draft");
		assertThat(doc.select(".on-behalf-table tbody th a").eachAttr("href")).containsExactly(
				"/entries/" + this.t.cycle + "/EU/POL-1", "/entries/" + this.t.cycle + "/PAK/POL-2");
	}

	@Test
	void theSecretariatsOwnEntriesAreListedOnceWithCountsLinkingToTheirLists() {
		this.t.save(this.staff, "SECRETARIAT", "POL-6", "SUBSTANTIAL", "Done by DPO.", null);
		Document doc = page(this.t.get(this.staff, "/secretariat"));
		long applicable = this.t.count("select count(*) from applicable_pair ap join reporting_cycle rc on rc.id = ap.cycle_id "
				+ "join stakeholder s on s.id = ap.stakeholder_id where rc.code = ? and s.kind = 'SECRETARIAT'", this.t.cycle);
		assertThat(doc.select(".secretariat-own .my-entries-table tbody tr")).hasSize((int) applicable);
		assertThat(doc.select(".secretariat-own .my-entries-counts a:contains(1 draft)").attr("href"))
			.isEqualTo("/secretariat?show=draft#entries-list");
		Document drafts = page(this.t.get(this.staff, "/secretariat?show=draft"));
		assertThat(drafts.select(".secretariat-own .my-entries-table tbody tr").eachAttr("id"))
			.containsExactly("commitment-POL-6");
	}

	@Test
	void theMenuLeadsStaffToTheirWorkAndToTheEntries() {
		Document staffPage = page(this.t.get(this.staff, "/"));
		assertThat(staffPage.select(".account-nav a").eachAttr("href")).contains("/secretariat", "/entries", "/review");
		Document delegatePage = page(this.t.get(this.t.delegateOf("PAK"), "/"));
		assertThat(delegatePage.select(".account-nav a").eachAttr("href")).contains("/my")
			.doesNotContain("/secretariat", "/review");
		assertThat(this.t.get(this.t.delegateOf("PAK"), "/secretariat")).hasStatus(403);
	}

}
