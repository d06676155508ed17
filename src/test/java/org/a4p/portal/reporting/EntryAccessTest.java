package org.a4p.portal.reporting;

import java.util.List;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.progress.Status;
import org.a4p.portal.reporting.ProgressEntry.Content;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.EntryTestSupport.body;
import static org.a4p.portal.support.EntryTestSupport.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A delegate never reads or writes another state's unpublished entries, over HTTP: a delegate of
 * Pakistan against the Philippines' drafts and submissions (both states endorsed the Declaration).
 * Administrators read every state's entries and write none.
 */
@PortalTest
@Transactional
class EntryAccessTest {

	private static final String SECRET = "Philippine draft text, not for Pakistan";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SaveDraft saveDraft;

	EntryTestSupport t;

	PortalUser pak;

	PortalUser phl;

	@BeforeEach
	void setUp() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		this.pak = this.t.delegateOf("PAK");
		this.phl = this.t.delegateOf("PHL");
	}

	@Test
	void delegateCannotReadAnotherStatesDraft() {
		this.t.save(this.phl, "PHL", "POL-1", "LIMITED", SECRET, null);
		MvcTestResult result = this.t.get(this.pak, this.t.path("PHL", "POL-1"));
		assertThat(result).hasStatus(403);
		assertThat(body(result)).doesNotContain(SECRET);
		assertThat(this.t.get(this.phl, this.t.path("PHL", "POL-1"))).hasStatus(200)
			.bodyText()
			.contains(SECRET);
	}

	@Test
	void delegateCannotReadAnotherStatesSubmission() {
		this.t.save(this.phl, "PHL", "POL-1", "LIMITED", SECRET, null);
		this.t.submit(this.phl, "PHL", "POL-1");
		MvcTestResult result = this.t.get(this.pak, this.t.path("PHL", "POL-1"));
		assertThat(result).hasStatus(403);
		assertThat(body(result)).doesNotContain(SECRET);
	}

	@Test
	void delegateGetsTheSameAnswerWhetherOrNotAnotherStatesEntryExists() {
		assertThat(this.t.get(this.pak, this.t.path("PHL", "POL-2"))).hasStatus(403);
		this.t.save(this.phl, "PHL", "POL-2", "LIMITED", SECRET, null);
		assertThat(this.t.get(this.pak, this.t.path("PHL", "POL-2"))).hasStatus(403);
	}

	@Test
	void delegateCannotCreateOrChangeOrSubmitAnotherStatesEntry() {
		assertThat(this.t.save(this.pak, "PHL", "POL-1", "COMPLETE", "Written by Pakistan", null)).hasStatus(403);
		assertThat(this.t.versionOrNull("PHL", "POL-1")).isNull();

		this.t.save(this.phl, "PHL", "POL-1", "LIMITED", SECRET, null);
		long version = this.t.version("PHL", "POL-1");
		assertThat(this.t.save(this.pak, "PHL", "POL-1", "COMPLETE", "Overwritten by Pakistan", version))
			.hasStatus(403);
		assertThat(this.t.post(this.pak, this.t.path("PHL", "POL-1") + "/submit")
			.param("version", String.valueOf(version))
			.exchange()).hasStatus(403);
		assertThat(this.t.entry("PHL", "POL-1")).containsEntry("narrative", SECRET)
			.containsEntry("status", "LIMITED")
			.containsEntry("workflow_state", "DRAFT")
			.containsEntry("version", version);
	}

	@Test
	void delegateCannotListAnotherStatesEntries() {
		this.t.save(this.phl, "PHL", "POL-1", "LIMITED", SECRET, null);
		assertThat(this.t.get(this.pak, "/entries?stakeholder=PHL")).hasStatus(403);
		MvcTestResult own = this.t.get(this.pak, "/entries");
		assertThat(own).hasStatus(200);
		Document doc = page(own);
		assertThat(doc.select(".my-entries-table caption").text()).contains("Pakistan");
		assertThat(doc.select(".my-entries-table tbody th a").eachAttr("href"))
			.allMatch((href) -> href.startsWith("/entries/" + this.t.cycle + "/PAK/"));
		assertThat(body(own)).doesNotContain(SECRET);
	}

	@Test
	void delegateCannotReviewNorOpenTheQueue() {
		this.t.save(this.phl, "PHL", "POL-1", "LIMITED", SECRET, null);
		this.t.submit(this.phl, "PHL", "POL-1");
		assertThat(this.t.get(this.pak, "/review")).hasStatus(403);
		assertThat(this.t.validate(this.pak, "PHL", "POL-1")).hasStatus(403);
		assertThat(this.t.returnWith(this.pak, "PHL", "POL-1", "no")).hasStatus(403);
		assertThat(this.t.entry("PHL", "POL-1")).containsEntry("workflow_state", "SUBMITTED");
	}

	@Test
	void delegateSeesSelfReportedFiguresOfTheirOwnStateOnly() {
		this.t.save(this.phl, "PHL", "POL-1", "COMPLETE", SECRET, null);
		this.t.submit(this.phl, "PHL", "POL-1");
		Document doc = page(this.t.get(this.pak, "/?view=self-reported"));
		assertThat(doc.select(".self-reported-notice").text()).contains("PAK");
		long pakPairs = this.t.count("select count(*) from applicable_pair ap join stakeholder s on s.id = ap.stakeholder_id "
				+ "join reporting_cycle rc on rc.id = ap.cycle_id where s.code = 'PAK' and rc.code = ?", this.t.cycle);
		assertThat(doc.select(".figure-value").first().text()).isEqualTo(String.valueOf(pakPairs));
		// the Philippines' submitted Complete is not counted for Pakistan
		assertThat(doc.select("table.figures-table tbody tr").first().select("td.num").first().text()).isEqualTo("0");
	}

	@Test
	void theSecretariatReadsEveryStatesEntries() {
		this.t.save(this.phl, "PHL", "POL-1", "LIMITED", SECRET, null);
		assertThat(this.t.get(this.t.secretariat(), this.t.path("PHL", "POL-1"))).hasStatus(200).bodyText().contains(SECRET);
		assertThat(this.t.get(this.t.secretariat(), "/entries?stakeholder=PHL")).hasStatus(200);
	}

	@Test
	void anAdministratorReadsEveryStatesDraftsAndSubmissionsWithoutAnyWriteButton() {
		this.t.save(this.phl, "PHL", "POL-1", "LIMITED", SECRET, null);
		this.t.submit(this.phl, "PHL", "POL-1");
		this.t.save(this.pak, "PAK", "POL-1", "SUBSTANTIAL", "Pakistan's draft", null);
		PortalUser admin = this.t.admin();

		MvcTestResult submission = this.t.get(admin, this.t.path("PHL", "POL-1"));
		assertThat(submission).hasStatus(200).bodyText().contains(SECRET);
		Document draft = page(this.t.get(admin, this.t.path("PAK", "POL-1")));
		assertThat(draft.select(".narrative").text()).contains("Pakistan's draft");
		for (Document doc : List.of(page(submission), draft)) {
			// no entry form, no submit button, no validate or return form: read-only
			assertThat(doc.select("main form")).isEmpty();
			assertThat(doc.select("main button")).isEmpty();
		}
		assertThat(this.t.get(admin, "/entries?stakeholder=PHL")).hasStatus(200).bodyText().contains("1 submitted");
		assertThat(this.mvc.head().uri(this.t.path("PAK", "POL-1")).with(user(admin)).exchange()).hasStatus(200);
	}

	@Test
	void anAdministratorCannotWriteSubmitOrReviewAnEntry() {
		this.t.save(this.phl, "PHL", "POL-1", "LIMITED", SECRET, null);
		this.t.submit(this.phl, "PHL", "POL-1");
		this.t.save(this.pak, "PAK", "POL-1", "SUBSTANTIAL", "Pakistan's draft", null);
		PortalUser admin = this.t.admin();
		long pakVersion = this.t.version("PAK", "POL-1");

		assertThat(this.t.save(admin, "PAK", "POL-1", "COMPLETE", "Written by an administrator", pakVersion))
			.hasStatus(403);
		assertThat(this.t.save(admin, "PAK", "POL-2", "COMPLETE", "Written by an administrator", null)).hasStatus(403);
		assertThat(this.t.submit(admin, "PAK", "POL-1")).hasStatus(403);
		assertThat(this.t.validate(admin, "PHL", "POL-1")).hasStatus(403);
		assertThat(this.t.returnWith(admin, "PHL", "POL-1", "Returned by an administrator")).hasStatus(403);
		// past the security configuration too: the use case refuses an administrator
		assertThatThrownBy(() -> this.saveDraft.save(admin, new EntryRef(this.t.cycle, "PAK", "POL-1"),
				new Content(Status.COMPLETE, "Written by an administrator", List.of()), pakVersion))
			.isInstanceOf(AccessDeniedException.class);

		assertThat(this.t.entry("PAK", "POL-1")).containsEntry("narrative", "Pakistan's draft")
			.containsEntry("workflow_state", "DRAFT")
			.containsEntry("version", pakVersion);
		assertThat(this.t.versionOrNull("PAK", "POL-2")).isNull();
		assertThat(this.t.entry("PHL", "POL-1")).containsEntry("workflow_state", "SUBMITTED");
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() {
		assertThat(this.mvc.get().uri(this.t.path("PAK", "POL-1")).exchange()).hasStatus(302)
			.redirectedUrl()
			.endsWith("/login");
		assertThat(this.mvc.post().uri(this.t.path("PAK", "POL-1")).with(csrf()).param("status", "LIMITED").exchange())
			.hasStatus(302)
			.redirectedUrl()
			.endsWith("/login");
		assertThat(this.mvc.get().uri("/review").exchange()).hasStatus(302);
		assertThat(this.t.versionOrNull("PAK", "POL-1")).isNull();
	}

	@Test
	void unknownCodesAndCommitmentsThatDoNotApplyGive404() {
		assertThat(this.t.get(this.pak, this.t.path("PAK", "POL-99"))).hasStatus(404);
		assertThat(this.t.get(this.pak, "/entries/1999/PAK/POL-1")).hasStatus(404);
		assertThat(this.t.get(this.t.secretariat(), this.t.path("XXX", "POL-1"))).hasStatus(404);
		// POL-6 is the Secretariat's own commitment
		assertThat(this.t.get(this.pak, this.t.path("PAK", "POL-6"))).hasStatus(404);
		assertThat(this.t.save(this.pak, "PAK", "POL-6", "LIMITED", "x", null)).hasStatus(404);
		// France has not endorsed in the portal: nothing applies to it
		assertThat(this.t.get(this.t.secretariat(), this.t.path("FRA", "POL-1"))).hasStatus(404);
		assertThat(this.t.get(this.t.delegateOf("FRA"), this.t.path("FRA", "POL-1"))).hasStatus(404);
	}

}
