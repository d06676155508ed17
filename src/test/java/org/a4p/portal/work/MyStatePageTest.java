package org.a4p.portal.work;

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

	@Test
	void aDelegateSeesTheirStateAndEveryApplicableCommitmentByArea() throws Exception {
		Document doc = my("my-pak", "PAK", "en");
		assertThat(doc.select("h1").text()).isEqualTo("Pakistan: commitments to report on");
		assertThat(doc.select(".my-state-facts").text()).contains("Endorsed on 17 August 2018")
			.contains("Member of the Security Council");
		long applicable = this.jdbc.sql("select count(*) from applicable_pair where cycle_id = ? and stakeholder_id = "
				+ "(select id from stakeholder where code = 'PAK')").param(currentCycle()).query(Long.class).single();
		assertThat(applicable).isPositive();
		assertThat(doc.select("tr.my-commitment")).hasSize((int) applicable);
		// Politics first, in catalogue order; POL-5 applies to Pakistan as a Security Council member.
		assertThat(doc.select("section.my-area h2").first().text()).isEqualTo("Politics");
		assertThat(doc.select("tr.my-commitment th a").eachText()).contains("POL-1", "POL-5").doesNotContain("POL-6");
		assertThat(doc.select("#commitment-POL-1 .published-status").text()).isEqualTo("No evidence");
		assertThat(doc.select("#commitment-POL-1 .no-entry").text()).isEqualTo("No entry yet");
	}

	@Test
	void eachRowLinksToTheEntryFormToReportOrEdit() throws Exception {
		entry("POL-2", "PAK", "LIMITED", "DRAFT", null);
		Document doc = my("my-pak-links", "PAK", "en");
		String cycle = currentCycleCode();
		Element report = doc.selectFirst("#commitment-POL-1 a.entry-link");
		assertThat(report.attr("href")).isEqualTo("/entries/" + cycle + "/PAK/POL-1");
		assertThat(report.text()).isEqualTo("Report POL-1");
		assertThat(report.select(".visually-hidden").text()).isEqualTo("POL-1");
		Element edit = doc.selectFirst("#commitment-POL-2 a.entry-link");
		assertThat(edit.attr("href")).isEqualTo("/entries/" + cycle + "/PAK/POL-2");
		assertThat(edit.text()).isEqualTo("Edit POL-2");
		// one link per applicable commitment, each to Pakistan's entry in the cycle
		assertThat(doc.select("tr.my-commitment a.entry-link").eachAttr("href")).hasSize(doc.select("tr.my-commitment").size())
			.allMatch((href) -> href.startsWith("/entries/" + cycle + "/PAK/"));
	}

	@Test
	void inAClosedCycleTheLinksOnlyView() throws Exception {
		this.jdbc.sql("update reporting_cycle set state = 'CLOSED'").update();
		entry("POL-2", "PAK", "LIMITED", "VALIDATED", "LIMITED");
		Document doc = my("my-pak-closed", "PAK", "en");
		assertThat(doc.select("tr.my-commitment a.entry-link").eachText()).isNotEmpty()
			.allMatch((text) -> text.startsWith("View "));
		assertThat(doc.select(".my-entries").text()).contains("closed: read-only");
	}

	@Test
	void theDelegateSeesDraftsSubmissionsAndReturnedEntriesWithTheCommentAndTheDeadline() throws Exception {
		entry("POL-1", "PAK", "LIMITED", "DRAFT", null);
		entry("POL-2", "PAK", "COMPLETE", "SUBMITTED", null);
		entry("POL-3", "PAK", "SUBSTANTIAL", "SUBMITTED", null);
		this.jdbc.sql("update progress_entry set workflow_state = 'RETURNED', review_comment = 'Please add a link to the report.' "
				+ "where commitment_id = (select id from commitment where code = 'POL-3') "
				+ "and stakeholder_id = (select id from stakeholder where code = 'PAK')")
			.update();
		// another state's draft is not counted among Pakistan's
		entry("POL-4", "PHL", "COMPLETE", "DRAFT", null);
		Document doc = my("my-pak-entries", "PAK", "en");
		Element reporting = doc.selectFirst("section.my-reporting");
		assertThat(reporting.select("h2").text()).isEqualTo("Your entries in reporting cycle " + currentCycleCode());
		String deadline = new org.a4p.portal.i18n.Formats(java.util.Locale.ENGLISH)
			.date(this.jdbc.sql("select deadline from reporting_cycle where id = ?")
				.param(currentCycle())
				.query(java.time.LocalDate.class)
				.single());
		assertThat(reporting.select(".my-entries > p").first().text()).contains("deadline " + deadline);
		assertThat(reporting.select(".my-entries-counts").text()).contains("1 draft", "1 submitted", "1 returned");
		Element returned = reporting.selectFirst(".my-entries-table tr.entry-returned");
		assertThat(returned.select("th a").text()).isEqualTo("POL-3");
		assertThat(returned.select("th a").attr("href")).isEqualTo("/entries/" + currentCycleCode() + "/PAK/POL-3");
		assertThat(returned.text()).contains("Returned", "Substantial", "Please add a link to the report.");
		assertThat(reporting.select(".my-entries-table caption").text()).contains("Pakistan");
	}

	@Test
	void eachRowShowsThePublishedStatusAndTheWorkingStatusOfTheEntry() throws Exception {
		entry("POL-1", "PAK", "LIMITED", "DRAFT", null);
		entry("POL-2", "PAK", "COMPLETE", "SUBMITTED", "SUBSTANTIAL");
		Document doc = my("my-pak2", "PAK", "en");
		Element pol1 = doc.selectFirst("#commitment-POL-1");
		assertThat(pol1.select(".published-status").text()).isEqualTo("No evidence");
		assertThat(pol1.select(".working-status").text()).isEqualTo("Limited");
		assertThat(pol1.select(".workflow-state").text()).isEqualTo("Draft");
		Element pol2 = doc.selectFirst("#commitment-POL-2");
		assertThat(pol2.select(".published-status").text()).isEqualTo("Substantial");
		assertThat(pol2.select(".working-status").text()).isEqualTo("Complete");
		assertThat(pol2.select(".workflow-state").text()).isEqualTo("Submitted");
	}

	@Test
	void theStateIsNamedInTheReadersLanguage() throws Exception {
		Document doc = my("my-phl", "PHL", "zh");
		assertThat(doc.select("h1").text()).isEqualTo("菲律宾：需报告的承诺");
		assertThat(doc.select("section.my-area h2").first().text()).isEqualTo("政治");
	}

	@Test
	void aStateThatHasNotEndorsedIsToldNothingIsBinding() throws Exception {
		Document doc = my("my-fra", "FRA", "en");
		assertThat(doc.select("h1").text()).isEqualTo("France: commitments to report on");
		assertThat(doc.select(".my-state-facts").text()).contains("No endorsement recorded in this portal");
		assertThat(doc.select(".none-binding").text()).startsWith("No commitment of the Declaration is binding on France");
		assertThat(doc.select("tr.my-commitment")).isEmpty();
	}

}
