package org.a4p.portal.publication;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.EntryTestSupport.expectRedirect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-reported beside validated on the area, commitment and stakeholder pages: Secretariat staff and
 * administrators see submissions of every stakeholder, a delegate those of their own state only, labelled; the
 * public (and another state's delegate) never sees a value that is not validated, with a draft and a submission
 * present, even asking for the self-reported view.
 */
@PortalTest
@Transactional
class SelfReportedPagesTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	EntryTestSupport t;

	PortalUser pak;

	PortalUser phl;

	@BeforeEach
	void aSubmissionAndADraft() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		this.pak = this.t.delegateOf("PAK");
		this.phl = this.t.delegateOf("PHL");
		// Pakistan submitted COMPLETE on POL-1 (not validated); the Philippines drafted COMPLETE on POL-1
		expectRedirect(this.t.save(this.pak, "PAK", "POL-1", "COMPLETE", "Submitted.", null));
		expectRedirect(this.t.submit(this.pak, "PAK", "POL-1"));
		expectRedirect(this.t.save(this.phl, "PHL", "POL-1", "COMPLETE", "Drafted.", null));
	}

	private Document anonymous(String uri) {
		return Html.get(this.mvc, uri, "en");
	}

	private Document as(PortalUser user, String uri) {
		return Html.expect(this.t.get(user, uri), org.springframework.http.HttpStatus.OK);
	}

	@Test
	void thePublicNeverSeesUnvalidatedValues() {
		for (String uri : new String[] { "/areas/POL", "/commitments/POL-1", "/stakeholders/PAK", "/stakeholders/PHL" }) {
			for (String view : new String[] { "", "?view=self-reported" }) {
				Document page = anonymous(uri + view);
				assertThat(page.select(".view-switch, .self-reported-notice, .self-reported, .self-reported-cell,"
						+ " .self-reported-total")).as(uri + view).isEmpty();
				assertThat(page.select("[data-status=COMPLETE]")).as(uri + view).isEmpty();
				assertThat(page.text()).as(uri + view).doesNotContain("Submitted.", "Drafted.");
			}
		}
		Document commitment = anonymous("/commitments/POL-1?view=self-reported");
		assertThat(commitment.select(".stakeholder-status-table tr[data-code=PAK] .status-cell").attr("data-status"))
			.isEqualTo("NO_EVIDENCE");
	}

	@Test
	void anotherStatesDelegateSeesNeitherTheSubmissionNorTheDraft() {
		// the Philippines' delegate: no switch on Pakistan's page, and Pakistan's cell hidden on the commitment page
		Document pakPage = as(this.phl, "/stakeholders/PAK?view=self-reported");
		assertThat(pakPage.select(".view-switch, .self-reported-cell, .self-reported-total")).isEmpty();
		assertThat(pakPage.select("[data-status=COMPLETE]")).isEmpty();
		Document commitment = as(this.phl, "/commitments/POL-1?view=self-reported");
		assertThat(commitment.select(".self-reported-notice").text()).contains("(PHL)");
		assertThat(commitment.select("tr[data-code=PAK] .self-reported-cell .visually-hidden").text()).isEqualTo("not shown");
		assertThat(commitment.select("tr[data-code=PAK] .self-reported-cell").attr("data-status")).isEmpty();
		// its own draft is not a self-reported value either
		assertThat(commitment.select("tr[data-code=PHL] .self-reported-cell").attr("data-status")).isEqualTo("NO_EVIDENCE");
		Document area = as(this.phl, "/areas/POL?view=self-reported");
		assertThat(area.select(".self-reported-table tr[data-code=POL-1] td.num").first().text()).isEqualTo("0");
	}

	@Test
	void aDelegateSeesTheirOwnStatesSubmissionBesideTheValidatedStatus() {
		Document own = as(this.pak, "/stakeholders/PAK?view=self-reported");
		assertThat(own.select(".view-switch a[aria-current=page]").text()).isEqualTo("Self-reported");
		assertThat(own.select(".self-reported-notice").text()).contains("Self-reported figures, not validated.");
		assertThat(own.select(".applicable-table tr[data-code=POL-1] .status-cell").attr("data-status")).isEqualTo("NO_EVIDENCE");
		assertThat(own.select(".applicable-table tr[data-code=POL-1] .self-reported-cell").attr("data-status")).isEqualTo("COMPLETE");
		assertThat(own.select(".applicable-table thead th").eachText()).contains("Self-reported (not validated)");
		// without asking, the same page shows validated values only, with the switch
		Document plain = as(this.pak, "/stakeholders/PAK");
		assertThat(plain.select(".view-switch")).hasSize(1);
		assertThat(plain.select(".self-reported-cell")).isEmpty();
	}

	@Test
	void secretariatStaffSeeEveryStakeholdersSubmissions() {
		PortalUser staff = this.t.secretariat();
		Document commitment = as(staff, "/commitments/POL-1?view=self-reported");
		assertThat(commitment.select("tr[data-code=PAK] .self-reported-cell").attr("data-status")).isEqualTo("COMPLETE");
		assertThat(commitment.select("tr[data-code=PHL] .self-reported-cell").attr("data-status")).isEqualTo("NO_EVIDENCE");
		assertThat(commitment.select("tr[data-code=PAK] .status-cell").attr("data-status")).isEqualTo("NO_EVIDENCE");
		assertThat(commitment.select(".self-reported-total .status-counts").text()).contains("Complete 1");
		Document area = as(staff, "/areas/POL?view=self-reported");
		// POL-1's self-reported row counts Pakistan's submission: the first count column is Complete
		assertThat(area.select(".self-reported-table tr[data-code=POL-1] td.num").first().text()).isEqualTo("1");
		assertThat(area.select(".commitments-table tr").size()).isGreaterThan(1);
		Document state = as(this.t.admin(), "/stakeholders/PAK?view=self-reported");
		assertThat(state.select(".applicable-table tr[data-code=POL-1] .self-reported-cell").attr("data-status")).isEqualTo("COMPLETE");
	}

}
