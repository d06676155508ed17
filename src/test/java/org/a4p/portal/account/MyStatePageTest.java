package org.a4p.portal.account;

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

	private long currentCycle() {
		return this.jdbc.sql("select id from reporting_cycle where state = 'OPEN' order by period_start desc limit 1")
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
		assertThat(doc.select(".my-state-facts").text()).contains("Endorsed on 2018-08-17")
			.contains("Member of the Security Council");
		long applicable = this.jdbc.sql("select count(*) from applicable_pair where cycle_id = ? and stakeholder_id = "
				+ "(select id from stakeholder where code = 'PAK')").param(currentCycle()).query(Long.class).single();
		assertThat(applicable).isPositive();
		assertThat(doc.select("tr.my-commitment")).hasSize((int) applicable);
		// Politics first, in catalogue order; POL-5 applies to Pakistan as a Security Council member.
		assertThat(doc.select("section.my-area h2").first().text()).isEqualTo("Politics");
		assertThat(doc.select("tr.my-commitment th a").eachText()).contains("POL-1", "POL-5").doesNotContain("POL-6");
		assertThat(doc.select("#commitment-POL-1 .published-status").text()).isEqualTo("No evidence");
		assertThat(doc.select("#commitment-POL-1 .entry").text()).isEqualTo("No entry yet");
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
