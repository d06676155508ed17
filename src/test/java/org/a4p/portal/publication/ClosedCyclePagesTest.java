package org.a4p.portal.publication;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.a4p.portal.progress.Basis;
import org.a4p.portal.progress.FiguresQuery.Filter;
import org.a4p.portal.progress.FiguresQuery;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.EntryTestSupport.expectRedirect;
import static org.a4p.portal.support.SignedInUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every cycle as published: once a cycle is closed, changing an endorsement, a capacity, a stakeholder or an
 * entry changes none of its pages (rendered over MockMvc, their figures, tables and narratives compared); an
 * administrator's republish does change them, is audited, makes the pages say "corrected on", and leaves the
 * earlier publication readable, labelled as superseded, as it was.
 * <p>
 * What a page compares: its {@code <main>} without the cycle selector and the publication notices, and without
 * a stakeholder's own records (its endorsements and capacity assignments as they stand today, labelled so on a
 * published cycle's page) and the dashboard's count of endorsements recorded today, which are not of the cycle.
 */
@PortalTest
@Transactional
class ClosedCyclePagesTest {

	static final List<String> PAGES = List.of("/", "/areas/POL", "/areas/WPS", "/commitments/POL-1",
			"/commitments/POL-5", "/stakeholders/PAK", "/stakeholders/PHL", "/organizations/EU",
			"/stakeholders/secretariat");

	/** The stakeholder list, whole and filtered by what a closed cycle freezes. */
	static final List<String> LISTS = List.of("/stakeholders", "/stakeholders?endorsed=yes", "/stakeholders?endorsed=no",
			"/stakeholders?capacity=HOST_STATE", "/stakeholders?capacity=TPCC");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiguresQuery figures;

	EntryTestSupport t;

	long cycleId;

	@BeforeEach
	void aCycleWithValidatedEntries() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		this.cycleId = this.t.count("select id from reporting_cycle where code = ?", this.t.cycle);
		validate("PAK", "POL-1", "SUBSTANTIAL", "As validated before the close.", "Report", "https://example.org/pak");
		validate("PHL", "POL-1", "COMPLETE", "The Philippines reported.");
		this.t.publish("SECRETARIAT", "POL-6", "LIMITED");
		this.t.publish("EU", "WPS-1", "NOT_STARTED");
	}

	private void validate(String stakeholder, String commitment, String status, String narrative, String... links) {
		var writer = this.t.delegateOf(stakeholder);
		expectRedirect(this.t.save(writer, stakeholder, commitment, status, narrative,
				this.t.versionOrNull(stakeholder, commitment), links));
		expectRedirect(this.t.submit(writer, stakeholder, commitment));
		expectRedirect(this.t.validate(this.t.secretariat(), stakeholder, commitment));
	}

	private void admin(String action, String... params) {
		var request = this.mvc.post().uri("/admin/cycles/" + this.cycleId + "/" + action).with(asAdmin()).with(csrf());
		for (int i = 0; i + 1 < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		assertThat(request.exchange()).hasStatus(HttpStatus.FOUND);
	}

	/** What each page shows of the cycle, as HTML; the endorsements page's count of those bound in the cycle. */
	private Map<String, String> pages(String query) {
		Map<String, String> pages = progressPages(query);
		Element bound = Html.get(this.mvc, "/endorsements" + query, "en").selectFirst(".endorsements-bound-in-cycle");
		pages.put("/endorsements", (bound != null) ? bound.outerHtml() : "none");
		// the stakeholder list: who was bound and which capacities counted, as published (a stakeholder created
		// after the close is listed, as not bound in the cycle: its row is left out of the comparison)
		for (String list : LISTS) {
			Element table = Html.get(this.mvc, list, "en").selectFirst("main table");
			if (table == null) {
				pages.put(list, "no table");
				continue;
			}
			Element rows = table.clone();
			rows.select("tr:has(a[href$=/TESTORG])").remove();
			pages.put(list, rows.outerHtml());
		}
		return pages;
	}

	/** The progress pages only: those that show an earlier publication ({@code ?publication=}). */
	private Map<String, String> progressPages(String query) {
		Map<String, String> pages = new LinkedHashMap<>();
		for (String path : PAGES) {
			pages.put(path, ofTheCycle(Html.get(this.mvc, path + query, "en")).outerHtml());
		}
		return pages;
	}

	private static Map<String, String> withoutEndorsements(Map<String, String> pages) {
		Map<String, String> progress = new LinkedHashMap<>(pages);
		progress.remove("/endorsements");
		LISTS.forEach(progress::remove);
		return progress;
	}

	private static Element ofTheCycle(Document page) {
		Element main = page.selectFirst("main").clone();
		main.select(".cycle-choice, .publication-superseded, .publication-corrected, .publication-others").remove();
		main.select(".endorsement-record, .not-endorsed, .capacities-table").remove();
		main.select("section[aria-labelledby=endorsements-heading]").remove();
		return main;
	}

	private static Map<String, String> texts(Map<String, String> pages) {
		Map<String, String> texts = new LinkedHashMap<>();
		pages.forEach((path, html) -> texts.put(path, org.jsoup.Jsoup.parse(html).text()));
		return texts;
	}

	@Test
	void aClosedCycleIsShownAsPublishedWhateverChangesAndARepublishCorrectsItVisibly() {
		admin("close");
		Map<String, String> published = pages("");
		assertThat(published.get("/stakeholders/PAK")).contains("As validated before the close.", "https://example.org/pak");
		assertThat(published.get("/stakeholders/PHL")).contains("The Philippines reported.");
		assertThat(published.get("/endorsements")).contains("as published");
		assertThat(published.get("/stakeholders?endorsed=yes")).contains("/stakeholders/PHL", "/stakeholders/PAK");
		assertThat(published.get("/stakeholders?capacity=HOST_STATE")).doesNotContain("/stakeholders/PAK");
		assertThat(Html.get(this.mvc, "/stakeholders", "en").select(".stakeholders-as-published").text())
			.contains("Reporting cycle " + this.t.cycle + " is closed", "as published");

		// after the close: an endorsement withdrawn, a capacity assigned, a stakeholder added (and endorsing),
		// entries changed and validated again behind the closed cycle's back
		this.jdbc.sql("update endorsement set withdrawn_on = date '2019-01-01', withdrawal_reason = 'test' "
				+ "where stakeholder_id = (select id from stakeholder where code = 'PHL') and withdrawn_on is null").update();
		this.jdbc.sql("insert into capacity_assignment (stakeholder_id, capacity, starts_on) "
				+ "select id, 'HOST_STATE', date '2000-01-01' from stakeholder where code = 'PAK'").update();
		this.jdbc.sql("insert into stakeholder (kind, code, name_en) values ('ORGANIZATION', 'TESTORG', 'Test Organization')")
			.update();
		this.jdbc.sql("insert into endorsement (stakeholder_id, endorsed_on) "
				+ "select id, date '2000-01-01' from stakeholder where code = 'TESTORG'").update();
		this.jdbc.sql("""
				update progress_entry set published_status = 'COMPLETE', status = 'COMPLETE', narrative = 'Changed after the close.'
				where cycle_id = ? and stakeholder_id = (select id from stakeholder where code = 'PAK')""")
			.param(this.cycleId).update();
		this.jdbc.sql("""
				insert into progress_entry_revision (entry_id, revision, action, actor, entry_version, status,
				    workflow_state, narrative, entered_by_secretariat, published_status, evidence)
				select pe.id, 99, 'VALIDATED', 'someone', 99, 'COMPLETE', 'VALIDATED', 'Changed after the close.', false,
				       'COMPLETE', '[]'
				from progress_entry pe where pe.cycle_id = ? and pe.stakeholder_id = (select id from stakeholder where code = 'PAK')
				""").param(this.cycleId).update();
		this.jdbc.sql("""
				insert into progress_entry (commitment_id, stakeholder_id, cycle_id, status, workflow_state,
				                            published_status, published_at)
				select c.id, s.id, ?, 'COMPLETE', 'VALIDATED', 'COMPLETE', now() from commitment c, stakeholder s
				where c.code = 'POL-5' and s.code = 'PAK'""").param(this.cycleId).update();
		// the live data did change...
		assertThat(this.figures.total(this.cycleId, Basis.SELF_REPORTED, Filter.stakeholder("PAK")).applicable())
			.isNotEqualTo(this.figures.total(this.cycleId, Basis.PUBLISHED, Filter.stakeholder("PAK")).applicable());
		// ...and no page of the closed cycle did
		assertThat(pages("")).isEqualTo(published);

		// an explicit republish records what the cycle says now
		admin("republish", "reason", "Late validation of POL-5 for Pakistan");
		Map<String, Object> audit = this.jdbc.sql("select action, entity_id, after_state->>'reason' as reason "
				+ "from audit_event order by id desc limit 1").query().singleRow();
		assertThat(audit).containsEntry("action", "CYCLE_REPUBLISHED").containsEntry("entity_id", String.valueOf(this.cycleId))
			.containsEntry("reason", "Late validation of POL-5 for Pakistan");
		Map<String, String> corrected = pages("");
		assertThat(corrected.get("/stakeholders/PAK")).contains("Changed after the close.")
			.doesNotContain("As validated before the close.");
		assertThat(corrected.get("/stakeholders/PHL")).doesNotContain("The Philippines reported.");
		assertThat(corrected.get("/commitments/POL-5")).isNotEqualTo(published.get("/commitments/POL-5"));
		assertThat(corrected.get("/endorsements")).isNotEqualTo(published.get("/endorsements"));
		// the republished list: the Philippines' withdrawal and Pakistan's new capacity count now
		assertThat(corrected.get("/stakeholders?endorsed=yes")).doesNotContain("/stakeholders/PHL");
		assertThat(corrected.get("/stakeholders?endorsed=no")).contains("/stakeholders/PHL");
		String today = this.jdbc.sql("select (published_at at time zone 'UTC')::date::text from publication "
				+ "where cycle_id = ? and superseded_at is null").param(this.cycleId).query(String.class).single();
		Document dashboard = Html.get(this.mvc, "/", "en");
		assertThat(dashboard.select(".publication-corrected").text()).isEqualTo("Corrected on "
				+ new org.a4p.portal.i18n.Formats(java.util.Locale.ENGLISH).date(java.time.LocalDate.parse(today)) + ".");

		// the earlier publication stays readable, as it was, and says it was superseded
		Element earlierLink = dashboard.selectFirst(".publication-others a");
		assertThat(earlierLink).isNotNull();
		long earlier = this.t.count("select id from publication where cycle_id = ? and superseded_at is not null", this.cycleId);
		assertThat(earlierLink.attr("href")).isEqualTo("/?cycle=" + this.t.cycle + "&publication=" + earlier);
		String query = "?cycle=" + this.t.cycle + "&publication=" + earlier;
		assertThat(texts(progressPages(query))).isEqualTo(texts(withoutEndorsements(published)));
		Document old = Html.get(this.mvc, "/stakeholders/PAK" + query, "en");
		assertThat(old.select(".publication-superseded").text()).contains("as published on", "A correction replaced this publication on "
				+ new org.a4p.portal.i18n.Formats(java.util.Locale.ENGLISH).date(java.time.LocalDate.parse(today)));
		assertThat(old.select(".applicable-table tr[data-code=POL-1] a").attr("href")).isEqualTo("/commitments/POL-1" + query);
		assertThat(old.select(".publication-superseded a").attr("href")).isEqualTo("/stakeholders/PAK");
	}

	@Test
	void reopeningShowsTheCycleLiveAndClosingItAgainIsACorrectionToo() {
		admin("close");
		Map<String, String> first = pages("");
		admin("reopen");
		expectRedirect(this.t.save(this.t.delegateOf("PAK"), "PAK", "POL-1", "COMPLETE", "Reopened and changed.",
				this.t.version("PAK", "POL-1")));
		expectRedirect(this.t.submit(this.t.delegateOf("PAK"), "PAK", "POL-1"));
		expectRedirect(this.t.validate(this.t.secretariat(), "PAK", "POL-1"));
		Document live = Html.get(this.mvc, "/stakeholders/PAK", "en");
		assertThat(live.select(".what-was-done").text()).contains("Reopened and changed.");
		// while open, its earlier publication is readable too
		assertThat(live.select(".publication-others a")).hasSize(1);
		admin("close");
		Document closedAgain = Html.get(this.mvc, "/stakeholders/PAK", "en");
		assertThat(closedAgain.select(".publication-corrected").text()).startsWith("Corrected on ");
		assertThat(closedAgain.select(".what-was-done").text()).contains("Reopened and changed.");
		long earlier = this.t.count("select id from publication where cycle_id = ? and superseded_at is not null", this.cycleId);
		assertThat(texts(progressPages("?cycle=" + this.t.cycle + "&publication=" + earlier)))
			.isEqualTo(texts(withoutEndorsements(first)));
	}

}
