package org.a4p.portal.work;

import java.util.List;

import org.a4p.portal.account.Role;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
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

@PortalTest
@Transactional
class MyStatePageTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	TestUsers users;

	@BeforeEach
	void setUp() {
		this.users = new TestUsers(this.jdbc, this.userDetails);
	}

	private Document my(String username, String stateCode, String language) throws Exception {
		this.users.insert(username, Role.DELEGATE, stateCode, TestUsers.NO_PASSWORD);
		MvcTestResult result = this.mvc.get()
			.uri("/my")
			.header("Accept-Language", language)
			.with(user(this.users.load(username)))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	private String currentCycleCode() {
		return this.jdbc.sql("select code from reporting_cycle where id = ?").param(currentCycle()).query(String.class).single();
	}

	private long currentCycle() {
		return this.jdbc.sql("select id from reporting_cycle order by (state = 'OPEN') desc, period_start desc, id desc limit 1")
			.query(Long.class)
			.single();
	}

	private void entry(String commitment, String state, String status, String workflow, String published) {
		this.jdbc.sql("""
				insert into progress_entry (commitment_id, stakeholder_id, cycle_id, status, workflow_state,
				                            published_status, published_at)
				values ((select id from commitment where code = ?), (select id from stakeholder where code = ?), ?, ?, ?,
				        cast(? as varchar), case when cast(? as varchar) is null then null else now() end)
				""")
			.params(commitment, state, currentCycle(), status, workflow, published, published)
			.update();
	}

	private MvcTestResult get(String username, String uri) {
		return this.mvc.get().uri(uri).header("Accept-Language", "en").with(user(this.users.load(username))).exchange();
	}

	private long applicable(String state) {
		return this.jdbc.sql("select count(*) from applicable_pair where cycle_id = ? and stakeholder_id = "
				+ "(select id from stakeholder where code = ?)").params(currentCycle(), state).query(Long.class).single();
	}

	@Test
	void aDelegateSeesEveryApplicableCommitmentOnceEachCodeLinkingToItsEntry() throws Exception {
		Document doc = my("my-pak", "PAK", "en");
		assertThat(doc.select("h1").text()).isEqualTo("Pakistan: commitments to report on");
		assertThat(doc.select(".my-state-facts").text()).contains("Endorsed on 17 August 2018")
			.contains("Member of the Security Council");
		long applicable = applicable("PAK");
		assertThat(applicable).isPositive();
		// one list, each commitment once (it used to be listed twice, its code linking to two different pages)
		assertThat(doc.select("main table")).hasSize(1);
		List<String> codes = doc.select(".my-entries-table tbody th a span:first-child").eachText();
		assertThat(codes).hasSize((int) applicable).doesNotHaveDuplicates().contains("POL-1", "POL-5")
			.doesNotContain("POL-6");
		String cycle = currentCycleCode();
		assertThat(doc.select(".my-entries-table tbody a").eachAttr("href")).hasSize((int) applicable)
			.allMatch((href) -> href.startsWith("/entries/" + cycle + "/PAK/"));
		assertThat(doc.select("#commitment-POL-1").text()).contains("Not started", "No evidence");
	}

	@Test
	void returnedThenOverdueEntriesComeFirst() throws Exception {
		// past the deadline: everything not submitted is overdue
		this.jdbc.sql("update reporting_cycle set deadline = opens_on where id = ?").param(currentCycle()).update();
		entry("POL-1", "PAK", "LIMITED", "DRAFT", null);
		entry("POL-2", "PAK", "COMPLETE", "SUBMITTED", null);
		entry("POL-3", "PAK", "SUBSTANTIAL", "SUBMITTED", null);
		this.jdbc.sql("update progress_entry set workflow_state = 'RETURNED', review_comment = 'Please add a link.' "
				+ "where commitment_id = (select id from commitment where code = 'POL-3') "
				+ "and stakeholder_id = (select id from stakeholder where code = 'PAK')")
			.update();
		Document doc = my("my-pak-order", "PAK", "en");
		List<Element> rows = doc.select(".my-entries-table tbody tr");
		assertThat(rows.get(0).id()).isEqualTo("commitment-POL-3");
		assertThat(rows.get(0).hasClass("entry-returned")).isTrue();
		assertThat(rows.get(1).id()).isEqualTo("commitment-POL-1");
		assertThat(rows.get(1).text()).contains("overdue");
		// the submitted one is not overdue: after every overdue one
		assertThat(rows.get(rows.size() - 1).text()).doesNotContain("overdue");
		List<Boolean> overdue = rows.stream().skip(1).map((row) -> row.text().contains("overdue")).toList();
		assertThat(overdue).startsWith(true).endsWith(false);
		assertThat(overdue.subList(overdue.indexOf(false), overdue.size())).as("no overdue entry after the others")
			.containsOnly(false);
	}

	@Test
	void eachCountLinksToTheListOfThoseEntries() throws Exception {
		entry("POL-1", "PAK", "LIMITED", "DRAFT", null);
		entry("POL-3", "PAK", "SUBSTANTIAL", "SUBMITTED", null);
		this.jdbc.sql("update progress_entry set workflow_state = 'RETURNED', review_comment = 'Please add a link.' "
				+ "where commitment_id = (select id from commitment where code = 'POL-3') "
				+ "and stakeholder_id = (select id from stakeholder where code = 'PAK')")
			.update();
		Document doc = my("my-pak-counts", "PAK", "en");
		Element returned = doc.selectFirst(".my-entries-counts a:contains(1 returned)");
		assertThat(returned.attr("href")).isEqualTo("/my?show=returned#entries-list");
		assertThat(doc.select(".my-entries-counts a:contains(1 draft)").attr("href")).isEqualTo("/my?show=draft#entries-list");
		// a count of none is no link
		assertThat(doc.select(".my-entries-counts a:contains(0 validated)")).isEmpty();
		assertThat(doc.select(".my-entries-counts").text()).contains("0 validated");

		Document only = Jsoup.parse(get("my-pak-counts", "/my?show=returned").getResponse().getContentAsString());
		assertThat(only.select(".my-entries-table tbody tr").eachAttr("id")).containsExactly("commitment-POL-3");
		assertThat(only.select(".my-entries-filter").text()).contains("Showing the returned entries only.")
			.contains("Show all " + applicable("PAK"));
		assertThat(only.select(".my-entries-filter a").attr("href")).isEqualTo("/my#entries-list");
		// the counts are still of all entries, the current one marked
		assertThat(only.select(".my-entries-counts [aria-current]").text()).isEqualTo("1 returned");
		assertThat(only.select(".my-entries-counts").text()).contains("1 draft");
		int notStarted = (int) applicable("PAK") - 2;
		assertThat(Jsoup.parse(get("my-pak-counts", "/my?show=not-started").getResponse().getContentAsString())
			.select(".my-entries-table tbody tr")).hasSize(notStarted);
		assertThat(get("my-pak-counts", "/my?show=everything")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void inAClosedCycleTheListSaysItIsReadOnly() throws Exception {
		this.jdbc.sql("update reporting_cycle set state = 'CLOSED'").update();
		entry("POL-2", "PAK", "LIMITED", "VALIDATED", "LIMITED");
		Document doc = my("my-pak-closed", "PAK", "en");
		assertThat(doc.select(".my-entries").text()).contains("closed: read-only");
		assertThat(doc.select("#commitment-POL-2").text()).contains("Validated", "Limited");
	}

	@Test
	void eachRowShowsTheReportedAndThePublishedStatus() throws Exception {
		entry("POL-1", "PAK", "LIMITED", "DRAFT", null);
		entry("POL-2", "PAK", "COMPLETE", "SUBMITTED", "SUBSTANTIAL");
		Document doc = my("my-pak2", "PAK", "en");
		assertThat(doc.select("#commitment-POL-1 td").eachText()).startsWith("Draft", "Limited", "No evidence");
		assertThat(doc.select("#commitment-POL-2 td").eachText()).startsWith("Submitted", "Complete", "Substantial");
	}

	@Test
	void theStateIsNamedInTheReadersLanguage() throws Exception {
		Document doc = my("my-phl", "PHL", "zh");
		assertThat(doc.select("h1").text()).isEqualTo("菲律宾：需报告的承诺");
		assertThat(doc.select(".my-entries-table caption").text()).contains("菲律宾");
	}

	@Test
	void aStateThatHasNotEndorsedIsToldNothingIsBinding() throws Exception {
		Document doc = my("my-fra", "FRA", "en");
		assertThat(doc.select("h1").text()).isEqualTo("France: commitments to report on");
		assertThat(doc.select(".my-state-facts").text()).contains("No endorsement recorded in this portal");
		assertThat(doc.select(".none-binding").text()).startsWith("No commitment of the Declaration is binding on France");
		assertThat(doc.select(".my-entries-table")).isEmpty();
	}

}
