package org.a4p.portal.reporting;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.EntryTestSupport.page;
import static org.assertj.core.api.Assertions.assertThat;

/** The workflow DRAFT → SUBMITTED → VALIDATED | RETURNED → DRAFT, each step by the right role only. */
@PortalTest
@Transactional
class EntryWorkflowTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	EntryTestSupport t;

	PortalUser pak;

	@BeforeEach
	void setUp() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		this.pak = this.t.delegateOf("PAK");
	}

	@Test
	void aDelegateDraftsAndSubmitsAndTheSecretariatValidates() {
		MvcTestResult saved = this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "We started.", null,
				"Annual report", "https://example.org/report");
		assertThat(saved).hasStatus(302).hasRedirectedUrl(this.t.path("PAK", "POL-1"));
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "DRAFT")
			.containsEntry("status", "LIMITED")
			.containsEntry("entered_by_secretariat", false)
			.containsEntry("published_status", null)
			.containsEntry("created_by", "delegate.pak");

		assertThat(this.t.submit(this.pak, "PAK", "POL-1")).hasStatus(302);
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "SUBMITTED")
			.containsEntry("published_status", null);

		assertThat(this.t.validate(this.t.secretariat(), "PAK", "POL-1")).hasStatus(302)
			.hasRedirectedUrl("/review?cycle=" + this.t.cycle);
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "VALIDATED")
			.containsEntry("published_status", "LIMITED")
			.containsEntry("reviewed_by", "secretariat.one");
		assertThat(this.t.entry("PAK", "POL-1").get("published_at")).isNotNull();
	}

	@Test
	void theEntryPageShowsWhatWasSavedWithLineBreaksAndLinks() {
		this.t.save(this.pak, "PAK", "POL-1", "SUBSTANTIAL", "Line one\r\nLine two", null, "Report",
				"https://example.org/r");
		MvcTestResult result = this.t.get(this.pak, this.t.path("PAK", "POL-1"));
		assertThat(result).hasStatus(200);
		Document doc = page(result);
		assertThat(doc.select("h1")).hasSize(1);
		assertThat(doc.select(".entry-content .narrative").first().wholeText()).isEqualTo("Line one\nLine two");
		assertThat(doc.select(".evidence-links a").attr("href")).isEqualTo("https://example.org/r");
		assertThat(doc.select("#narrative").first().wholeText()).isEqualTo("Line one\nLine two");
		assertThat(doc.select("input[name=version]").first().val()).isEqualTo(
				String.valueOf(this.t.version("PAK", "POL-1")));
		// one form, two buttons: "Save draft" and "Save and submit for review" (sending the same fields)
		assertThat(doc.select("form.entry-form button[formaction$=/submit]")).hasSize(1);
		assertThat(doc.select("form[action$=/submit]")).isEmpty();
		// every POST form carries the CSRF token
		assertThat(doc.select("main form[method=post]")).hasSizeGreaterThanOrEqualTo(2)
			.allMatch((form) -> form.select("input[name=_csrf]").size() == 1);
		assertThat(doc.select("form.entry-form").attr("novalidate")).isNotNull();
		assertThat(page(this.t.get(this.t.secretariat(), this.t.path("PAK", "POL-1"))).select("main form[method=post]"))
			.allMatch((form) -> form.select("input[name=_csrf]").size() == 1);
	}

	@Test
	void returningNeedsACommentAndEditingAReturnedEntryMakesItADraftAgain() {
		this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "First go.", null);
		this.t.submit(this.pak, "PAK", "POL-1");

		MvcTestResult noComment = this.t.returnWith(this.t.secretariat(), "PAK", "POL-1", "  ");
		assertThat(noComment).hasStatus(422);
		Document doc = page(noComment);
		assertThat(doc.title()).startsWith("Error: ");
		assertThat(doc.select(".error-summary a").eachAttr("href")).containsExactly("#comment");
		assertThat(doc.select("#comment")).hasSize(1);
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "SUBMITTED");

		assertThat(this.t.returnWith(this.t.secretariat(), "PAK", "POL-1", "Please add the report.")).hasStatus(302);
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "RETURNED")
			.containsEntry("review_comment", "Please add the report.");

		// a returned entry is not submitted again unchanged: it is edited first (the form says so, as typed)
		MvcTestResult unchanged = this.t.submit(this.pak, "PAK", "POL-1");
		assertThat(unchanged).hasStatus(409);
		assertThat(page(unchanged).select(".error-summary").text()).contains("nothing has changed since");
		assertThat(page(unchanged).select("#narrative").first().wholeText()).isEqualTo("First go.");
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "RETURNED");

		assertThat(this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "First go, with the report.",
				this.t.version("PAK", "POL-1"), "Report", "https://example.org/r")).hasStatus(302);
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "DRAFT")
			.containsEntry("review_comment", "Please add the report.");
		assertThat(this.t.submit(this.pak, "PAK", "POL-1")).hasStatus(302);
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "SUBMITTED");
	}

	@Test
	void onlySubmittedEntriesCanBeValidatedOrReturned() {
		this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "Draft.", null);
		assertThat(this.t.validate(this.t.secretariat(), "PAK", "POL-1")).hasStatus(409);
		assertThat(this.t.returnWith(this.t.secretariat(), "PAK", "POL-1", "No.")).hasStatus(409);
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "DRAFT")
			.containsEntry("published_status", null);
	}

	@Test
	void saveAndSubmitWithAnIncompleteFormShowsItAgainAndWritesNothing() {
		MvcTestResult result = this.t.post(this.pak, this.t.path("PAK", "POL-1") + "/submit")
			.param("narrative", "Typed, but no status chosen.")
			.exchange();
		assertThat(result).hasStatus(422);
		Document doc = page(result);
		assertThat(doc.select(".error-summary a").eachAttr("href")).containsExactly("#status");
		assertThat(doc.select("#narrative").first().wholeText()).isEqualTo("Typed, but no status chosen.");
		assertThat(this.t.versionOrNull("PAK", "POL-1")).isNull();
	}

	@Test
	void saveAndSubmitOnANewEntrySavesWhatWasTypedAndSubmitsIt() {
		assertThat(this.t.saveAndSubmit(this.pak, "PAK", "POL-1", "SUBSTANTIAL", "Typed and sent at once.", null,
				"Report", "https://example.org/r"))
			.hasStatus(302)
			.hasRedirectedUrl(this.t.path("PAK", "POL-1"));
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "SUBMITTED")
			.containsEntry("status", "SUBSTANTIAL")
			.containsEntry("narrative", "Typed and sent at once.");
		long id = (Long) this.t.entry("PAK", "POL-1").get("id");
		assertThat(this.t.jdbc.sql("select action from progress_entry_revision where entry_id = ? order by revision")
			.param(id)
			.query(String.class)
			.list()).containsExactly("CREATED", "SUBMITTED");
		assertThat(this.t.count("select count(*) from evidence_link where entry_id = ?", id)).isEqualTo(1);
	}

	@Test
	void saveAndSubmitSubmitsWhatIsOnTheScreenNotTheLastSavedText() {
		this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "Saved yesterday.", null);
		long loaded = this.t.version("PAK", "POL-1");
		assertThat(this.t.saveAndSubmit(this.pak, "PAK", "POL-1", "COMPLETE", "Typed today, not saved before.", loaded))
			.hasStatus(302);
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "SUBMITTED")
			.containsEntry("status", "COMPLETE")
			.containsEntry("narrative", "Typed today, not saved before.");
		long id = (Long) this.t.entry("PAK", "POL-1").get("id");
		// the submitted revision holds what was typed
		assertThat(this.t.jdbc.sql("select action || ':' || narrative from progress_entry_revision where entry_id = ? "
				+ "order by revision").param(id).query(String.class).list())
			.containsExactly("CREATED:Saved yesterday.", "EDITED:Typed today, not saved before.",
					"SUBMITTED:Typed today, not saved before.");
		// sent again unchanged while it waits for review: nothing is written
		long submitted = this.t.version("PAK", "POL-1");
		assertThat(this.t.saveAndSubmit(this.pak, "PAK", "POL-1", "COMPLETE", "Typed today, not saved before.",
				submitted)).hasStatus(302);
		assertThat(this.t.version("PAK", "POL-1")).isEqualTo(submitted);
	}

	@Test
	void saveAndSubmitWithInvalidInputKeepsWhatWasTypedAndSubmitsNothing() {
		this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "Saved.", null);
		long loaded = this.t.version("PAK", "POL-1");
		MvcTestResult result = this.t.saveAndSubmit(this.pak, "PAK", "POL-1", "LIMITED", "New text typed.", loaded,
				"A link without an address", "");
		assertThat(result).hasStatus(422);
		Document doc = page(result);
		assertThat(doc.select("#narrative").first().wholeText()).isEqualTo("New text typed.");
		assertThat(doc.select(".error-summary a").eachAttr("href")).containsExactly("#evidence-0-url");
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "DRAFT")
			.containsEntry("narrative", "Saved.")
			.containsEntry("version", loaded);
	}

	@Test
	void aDelegateCannotValidateOrReturnEvenTheirOwnStatesSubmission() {
		this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "Mine.", null);
		this.t.submit(this.pak, "PAK", "POL-1");
		assertThat(this.t.validate(this.pak, "PAK", "POL-1")).hasStatus(403);
		assertThat(this.t.returnWith(this.pak, "PAK", "POL-1", "self")).hasStatus(403);
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "SUBMITTED");
		assertThat(page(this.t.get(this.pak, this.t.path("PAK", "POL-1"))).select("form[action*=/review/]")).isEmpty();
	}

	@Test
	void administratorsReadEntriesButDoNotReport() {
		PortalUser admin = this.t.admin();
		MvcTestResult read = this.t.get(admin, this.t.path("PAK", "POL-1"));
		assertThat(read).hasStatus(200);
		assertThat(page(read).select("main form")).as("no form to write, submit or review").isEmpty();
		assertThat(this.t.save(admin, "PAK", "POL-1", "LIMITED", "Admin.", null)).hasStatus(403);
		assertThat(this.t.save(admin, "SECRETARIAT", "POL-6", "LIMITED", "Admin.", null)).hasStatus(403);
		assertThat(this.t.versionOrNull("PAK", "POL-1")).isNull();
	}

	@Test
	void theSecretariatWritesOnBehalfOfAStateAndItIsShown() {
		assertThat(this.t.save(this.t.secretariat(), "PAK", "POL-1", "COMPLETE", "Entered from the report.", null))
			.hasStatus(302);
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("entered_by_secretariat", true);
		Document doc = page(this.t.get(this.pak, this.t.path("PAK", "POL-1")));
		assertThat(doc.text()).contains("entered by the Secretariat");
		// the delegate may take it over: then it is theirs
		this.t.save(this.pak, "PAK", "POL-1", "COMPLETE", "Entered from the report; checked.",
				this.t.version("PAK", "POL-1"));
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("entered_by_secretariat", false);
	}

	@Test
	void theSecretariatWritesForOrganizations() {
		assertThat(this.t.save(this.t.secretariat(), "EU", "POL-1", "SUBSTANTIAL", "EU support.", null))
			.hasStatus(302);
		assertThat(this.t.entry("EU", "POL-1")).containsEntry("entered_by_secretariat", true);
	}

	@Test
	void secretariatEntriesGoThroughTheSameWorkflowAndAnyStaffMemberMayValidate() {
		PortalUser writer = this.t.secretariat("secretariat.writer");
		assertThat(this.t.save(writer, "SECRETARIAT", "POL-6", "SUBSTANTIAL", "Done by DPO.", null)).hasStatus(302);
		assertThat(this.t.entry("SECRETARIAT", "POL-6")).containsEntry("entered_by_secretariat", false)
			.containsEntry("workflow_state", "DRAFT");
		assertThat(this.t.validate(writer, "SECRETARIAT", "POL-6")).hasStatus(409);
		this.t.submit(writer, "SECRETARIAT", "POL-6");
		assertThat(this.t.validate(this.t.secretariat("secretariat.reviewer"), "SECRETARIAT", "POL-6"))
			.hasStatus(302);
		assertThat(this.t.entry("SECRETARIAT", "POL-6")).containsEntry("published_status", "SUBSTANTIAL")
			.containsEntry("reviewed_by", "secretariat.reviewer");
	}

	@Test
	void editingAValidatedEntryKeepsThePublishedValueUntilTheNextValidation() {
		this.t.publish("PAK", "POL-1", "LIMITED");
		this.t.save(this.pak, "PAK", "POL-1", "COMPLETE", "Finished.", this.t.version("PAK", "POL-1"));
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "DRAFT")
			.containsEntry("status", "COMPLETE")
			.containsEntry("published_status", "LIMITED");
		this.t.submit(this.pak, "PAK", "POL-1");
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("published_status", "LIMITED");
		this.t.validate(this.t.secretariat(), "PAK", "POL-1");
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("published_status", "COMPLETE");
	}

	@Test
	void savingUnchangedValuesWritesNothing() {
		this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "Same.", null);
		long version = this.t.version("PAK", "POL-1");
		assertThat(this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "Same.", version)).hasStatus(302);
		assertThat(this.t.version("PAK", "POL-1")).isEqualTo(version);
		assertThat(this.t.count("select count(*) from progress_entry_revision r join progress_entry pe "
				+ "on pe.id = r.entry_id join stakeholder s on s.id = pe.stakeholder_id where s.code = 'PAK'"))
			.isEqualTo(1);
	}

}
