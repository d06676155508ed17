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

/**
 * Two people edit the same entry from the same version: exactly one wins, the other gets a 409 page
 * with both texts and a form to re-apply theirs; nothing is lost. (The true race, where both pass
 * the version check and the database decides, is in {@link ConcurrentEditRaceTest}.)
 */
@PortalTest
@Transactional
class ConcurrentEditTest {

	private static final String TEXT_A = "Delegate's text: the national action plan was adopted.";

	private static final String TEXT_B = "Secretariat's text: the plan is pending adoption.";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	EntryTestSupport t;

	PortalUser a;

	PortalUser b;

	@BeforeEach
	void setUp() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		this.a = this.t.delegateOf("PAK");
		this.b = this.t.secretariat();
		this.t.save(this.a, "PAK", "POL-1", "LIMITED", "First draft.", null);
	}

	@Test
	void twoSessionsEditTheSameEntryExactlyOneWinsTheOtherGets409AndBothTextsSurvive() {
		long loaded = this.t.version("PAK", "POL-1");
		MvcTestResult first = this.t.save(this.a, "PAK", "POL-1", "SUBSTANTIAL", TEXT_A, loaded, "Plan",
				"https://example.org/plan");
		MvcTestResult second = this.t.save(this.b, "PAK", "POL-1", "LIMITED", TEXT_B, loaded, "Note",
				"https://example.org/note");

		assertThat(first).hasStatus(302);
		assertThat(second).hasStatus(409);
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("narrative", TEXT_A).containsEntry("status", "SUBSTANTIAL");

		Document conflict = page(second);
		assertThat(conflict.title()).startsWith("This entry changed while you were editing it");
		// it says who: another person (here a delegate, by user name: the test users have no account row)
		assertThat(conflict.select(".conflict-last-change").text())
			.startsWith("The last change was made by delegate.pak after you opened this form: Edited,");
		assertThat(conflict.select(".conflict-yours .narrative").text()).isEqualTo(TEXT_B);
		assertThat(conflict.select(".conflict-yours").text()).contains("Limited").contains("Note");
		assertThat(conflict.select(".conflict-current .narrative").text()).isEqualTo(TEXT_A);
		assertThat(conflict.select(".conflict-current").text()).contains("Substantial").contains("delegate.pak");
		// the re-apply form: their values, the current version
		long current = this.t.version("PAK", "POL-1");
		assertThat(conflict.select("form.entry-form input[name=version]").val()).isEqualTo(String.valueOf(current));
		assertThat(conflict.select("form.entry-form #narrative").first().wholeText()).isEqualTo(TEXT_B);
		assertThat(conflict.select("form.entry-form input[name=status][checked]").val()).isEqualTo("LIMITED");
		assertThat(conflict.select("form.entry-form #evidence-0-url").val()).isEqualTo("https://example.org/note");

		// re-applied from the current version, it wins; the first text stays in the history
		assertThat(this.t.save(this.b, "PAK", "POL-1", "LIMITED", TEXT_B, current, "Note", "https://example.org/note"))
			.hasStatus(302);
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("narrative", TEXT_B);
		assertThat(this.t.count("select count(*) from progress_entry_revision r join progress_entry pe on pe.id = r.entry_id "
				+ "join stakeholder s on s.id = pe.stakeholder_id where s.code = 'PAK' and r.narrative = ?", TEXT_A))
			.isEqualTo(1);
		assertThat(page(this.t.get(this.a, this.t.path("PAK", "POL-1"))).select(".history").text()).contains(TEXT_A)
			.contains(TEXT_B);
	}

	@Test
	void twoPeopleStartingTheSameNewEntryDoNotOverwriteEachOther() {
		MvcTestResult second = this.t.save(this.b, "PAK", "POL-2", "COMPLETE", TEXT_B, null);
		assertThat(second).hasStatus(302);
		MvcTestResult late = this.t.save(this.a, "PAK", "POL-2", "LIMITED", TEXT_A, null);
		assertThat(late).hasStatus(409);
		assertThat(this.t.entry("PAK", "POL-2")).containsEntry("narrative", TEXT_B);
		assertThat(page(late).select("form.entry-form #narrative").first().wholeText()).isEqualTo(TEXT_A);
	}

	@Test
	void aStaleSubmitOrReviewIsRefusedWithoutChangingAnything() {
		long loaded = this.t.version("PAK", "POL-1");
		this.t.save(this.a, "PAK", "POL-1", "COMPLETE", TEXT_A, loaded);
		// "Save and submit" from a form opened before that save (another tab): both versions, nothing written
		MvcTestResult stale = this.t.saveAndSubmit(this.a, "PAK", "POL-1", "LIMITED", "From the other tab.", loaded);
		assertThat(stale).hasStatus(409);
		assertThat(page(stale).select(".conflict-last-change").text())
			.contains("You made the last change yourself, in another tab or window");
		assertThat(page(stale).select("form.entry-form #narrative").first().wholeText()).isEqualTo("From the other tab.");
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("workflow_state", "DRAFT");

		this.t.submit(this.a, "PAK", "POL-1");
		long submitted = this.t.version("PAK", "POL-1");
		// the delegate takes the submission back to change it while a reviewer has it open
		this.t.save(this.a, "PAK", "POL-1", "LIMITED", "Changed my mind.", submitted);
		assertThat(this.t.post(this.b, EntryTestSupport.reviewPath(this.t.cycle, "PAK", "POL-1", "validate"))
			.param("version", String.valueOf(submitted))
			.exchange()).hasStatus(409);
		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("published_status", null)
			.containsEntry("workflow_state", "DRAFT");
	}

}
