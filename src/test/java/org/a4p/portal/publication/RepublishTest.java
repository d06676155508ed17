package org.a4p.portal.publication;

import org.a4p.portal.progress.Status;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.Pages;
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

import static org.a4p.portal.support.SignedInUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The administrators' republish of a closed cycle: a confirmation page that says what would change, a reason
 * required (GOV.UK error summary), nothing written when refused, an open cycle refused with 409.
 */
@PortalTest
@Transactional
class RepublishTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	long closed;

	long open;

	@BeforeEach
	void aClosedCycleWithAPublication() {
		PublishedEntries.closedCycle(this.jdbc, "2019");
		PublishedEntries.validatedIn(this.jdbc, "2019", "POL-1", "PAK", Status.COMPLETE);
		this.closed = this.jdbc.sql("select id from reporting_cycle where code = '2019'").query(Long.class).single();
		this.jdbc.sql("select publish_cycle(?, now(), 'test', null)").param(this.closed).query(Long.class).single();
		this.open = this.jdbc.sql("select id from reporting_cycle where state = 'OPEN' order by period_start desc limit 1")
			.query(Long.class).single();
	}

	private long publications() {
		return this.jdbc.sql("select count(*) from publication where cycle_id = ?").param(this.closed).query(Long.class).single();
	}

	@Test
	void theConfirmationPageSaysWhatWouldChange() {
		// after the publication, Pakistan's status changes and a validated entry is added for Pakistan on POL-2
		this.jdbc.sql("update progress_entry set published_status = 'LIMITED' where cycle_id = ?").param(this.closed).update();
		PublishedEntries.validatedIn(this.jdbc, "2019", "POL-2", "PAK", Status.SUBSTANTIAL);
		Document page = Html.expect(this.mvc.get().uri("/admin/cycles/" + this.closed + "/republish").with(asAdmin())
			.header("Accept-Language", "en").exchange(), HttpStatus.OK);
		assertThat(page.select("h1").text()).isEqualTo("Republish reporting cycle 2019");
		assertThat(page.select(".republish-changes").text())
			.isEqualTo("Pairs added: 0; pairs removed: 0; pairs with another status: 2");
		assertThat(page.select("textarea#reason")).hasSize(1);
		assertThat(page.select("label[for=reason]").text()).isEqualTo("Why are you republishing this cycle?");
		Document list = Html.expect(this.mvc.get().uri("/admin/cycles").with(asAdmin()).header("Accept-Language", "en")
			.exchange(), HttpStatus.OK);
		assertThat(list.select("#cycle-" + this.closed + " a[href=/admin/cycles/" + this.closed + "/republish]")).hasSize(1);
		assertThat(list.select("#cycle-" + this.open + " a[href$=/republish]")).isEmpty();
	}

	@Test
	void aReasonIsRequiredAndNothingIsRecordedWithoutOne() {
		Document page = Html.expect(this.mvc.post().uri("/admin/cycles/" + this.closed + "/republish").with(asAdmin())
			.with(csrf()).param("reason", "   ").header("Accept-Language", "en").exchange(), HttpStatus.OK);
		assertThat(Pages.assertFormErrors(page)).containsExactly("reason");
		assertThat(page.select("#reason-error").text()).contains("Enter why you are republishing this cycle");
		assertThat(publications()).isEqualTo(1);
		Document tooLong = Html.expect(this.mvc.post().uri("/admin/cycles/" + this.closed + "/republish").with(asAdmin())
			.with(csrf()).param("reason", "x".repeat(2001)).header("Accept-Language", "en").exchange(), HttpStatus.OK);
		assertThat(tooLong.select("#reason-error").text()).contains("Write at most 2,000 characters");
		assertThat(publications()).isEqualTo(1);
	}

	@Test
	void aRepublishRecordsANewPublicationWithItsReason() {
		var result = this.mvc.post().uri("/admin/cycles/" + this.closed + "/republish").with(asAdmin()).with(csrf())
			.param("reason", "Corrected a status").exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/cycles");
		assertThat(publications()).isEqualTo(2);
		assertThat(this.jdbc.sql("select reason from publication where cycle_id = ? and superseded_at is null")
			.param(this.closed).query(String.class).single()).isEqualTo("Corrected a status");
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'CYCLE_REPUBLISHED' and entity_id = ?")
			.param(String.valueOf(this.closed)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anOpenCycleIsNotRepublished() {
		Document page = Html.expect(this.mvc.get().uri("/admin/cycles/" + this.open + "/republish").with(asAdmin())
			.header("Accept-Language", "en").exchange(), HttpStatus.CONFLICT);
		assertThat(page.text()).contains("is open: its pages show its entries as they are");
		Document form = Html.expect(this.mvc.post().uri("/admin/cycles/" + this.open + "/republish").with(asAdmin())
			.with(csrf()).param("reason", "Why not").header("Accept-Language", "en").exchange(), HttpStatus.CONFLICT);
		assertThat(form.select(".error-summary").text()).contains("is open");
		assertThat(this.jdbc.sql("select count(*) from publication where cycle_id = ?").param(this.open)
			.query(Long.class).single()).isZero();
	}

}
