package org.a4p.portal.conversation;

import java.util.List;
import java.util.Map;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.reporting.EntryRef;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.EntryTestSupport.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The conversation on an entry: a delegate and the Secretariat post comments, the return comment is part of
 * the thread, every comment is audited and announced, and nobody else posts or reads it.
 */
@PortalTest
@Transactional
@RecordApplicationEvents
class ConversationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	EntryTestSupport t;

	PortalUser pak;

	@BeforeEach
	void setUp() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		this.pak = this.t.delegateOf("PAK");
	}

	private MvcTestResult comment(PortalUser user, String stakeholder, String commitment, String text) {
		return this.t.post(user, this.t.path(stakeholder, commitment) + "/comments").param("text", text).exchange();
	}

	private long comments() {
		return this.t.count("select count(*) from entry_comment");
	}

	private long commentAudits() {
		return this.t.count("select count(*) from audit_event where action = 'COMMENT_POSTED'");
	}

	@Test
	void aDelegateAsksTheSecretariatAnswersAndBothReadTheThreadInOrder() {
		MvcTestResult asked = comment(this.pak, "PAK", "POL-1", "Which report should we link?\r\nThe 2025 one?");
		long question = this.t.count("select id from entry_comment where author_username = 'delegate.pak'");
		assertThat(asked).hasStatus(302).hasRedirectedUrl(this.t.path("PAK", "POL-1") + "#comment-" + question);
		// stored as typed, line breaks as LF, with the author's name and side at the time
		assertThat(this.jdbc.sql("select author_name, author_side, body from entry_comment where id = ?")
			.param(question)
			.query()
			.singleRow()).containsEntry("author_name", "Delegate of PAK")
			.containsEntry("author_side", "STATE")
			.containsEntry("body", "Which report should we link?\nThe 2025 one?");

		assertThat(comment(this.t.secretariat(), "PAK", "POL-1", "The 2025 annual report, please.")).hasStatus(302);

		Document doc = page(this.t.get(this.pak, this.t.path("PAK", "POL-1")));
		List<Element> items = doc.select("#thread .thread-item");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).id()).isEqualTo("comment-" + question);
		assertThat(items.get(0).select(".thread-author").text()).isEqualTo("Delegate of PAK");
		assertThat(items.get(0).select(".thread-role").text()).isEqualTo("Delegate of Pakistan");
		assertThat(items.get(0).select("time").text()).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC");
		assertThat(items.get(0).select(".thread-text").first().wholeText())
			.isEqualTo("Which report should we link?\nThe 2025 one?");
		assertThat(items.get(1).select(".thread-author").text()).isEqualTo("Secretariat staff");
		assertThat(items.get(1).select(".thread-role").text()).isEqualTo("Secretariat");
		assertThat(items.get(1).hasClass("thread-secretariat")).isTrue();
		// the form posts to the thread, through fields.html (label, hint, input with aria-describedby)
		assertThat(doc.select("form.thread-form").attr("action")).isEqualTo(this.t.path("PAK", "POL-1") + "/comments");
		assertThat(doc.select("label[for=text]")).hasSize(1);
		assertThat(doc.select("textarea#text").attr("aria-describedby")).isEqualTo("text-hint");
	}

	@Test
	void everyCommentIsAuditedAndAnnouncedForTheOtherSide() {
		comment(this.pak, "PAK", "POL-1", "A question.");
		comment(this.t.secretariat(), "PAK", "POL-1", "An answer.");

		Map<String, Object> audit = this.jdbc.sql("""
				select actor, entity_type, after_state ->> 'text' as text, after_state ->> 'side' as side,
				       after_state ->> 'entry' as entry
				from audit_event where action = 'COMMENT_POSTED' order by id limit 1
				""").query().singleRow();
		assertThat(audit).containsEntry("actor", "delegate.pak")
			.containsEntry("entity_type", "entry_comment")
			.containsEntry("text", "A question.")
			.containsEntry("side", "STATE")
			.containsEntry("entry", "POL-1 / PAK / " + this.t.cycle);
		assertThat(commentAudits()).isEqualTo(2);

		List<CommentPosted> posted = this.events.stream(CommentPosted.class).toList();
		assertThat(posted).hasSize(2);
		long pakId = this.t.count("select id from stakeholder where code = 'PAK'");
		assertThat(posted.get(0).entry()).isEqualTo(new EntryRef(this.t.cycle, "PAK", "POL-1"));
		assertThat(posted.get(0).stakeholderId()).isEqualTo(pakId);
		assertThat(posted.get(0).side()).isEqualTo(Side.STATE);
		assertThat(posted.get(0).side().other()).isEqualTo(Side.SECRETARIAT);
		assertThat(posted.get(0).author()).isEqualTo("delegate.pak");
		assertThat(posted.get(0).text()).isEqualTo("A question.");
		assertThat(posted.get(1).side()).isEqualTo(Side.SECRETARIAT);
		assertThat(posted.get(1).entry().path()).isEqualTo(this.t.path("PAK", "POL-1"));
	}

	@Test
	void theReturnCommentIsPartOfTheThread() {
		this.t.save(this.pak, "PAK", "POL-1", "LIMITED", "First go.", null);
		this.t.submit(this.pak, "PAK", "POL-1");
		comment(this.pak, "PAK", "POL-1", "Submitted: anything missing?");
		this.t.returnWith(this.t.secretariat(), "PAK", "POL-1", "Please add the link to the report.");

		List<Element> items = page(this.t.get(this.pak, this.t.path("PAK", "POL-1"))).select("#thread .thread-item");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).select(".thread-text").text()).isEqualTo("Submitted: anything missing?");
		Element returned = items.get(1);
		assertThat(returned.id()).startsWith("returned-");
		assertThat(returned.select(".thread-kind").text()).isEqualTo("returned the entry with this comment");
		assertThat(returned.select(".thread-role").text()).isEqualTo("Secretariat");
		assertThat(returned.select(".thread-text").text()).isEqualTo("Please add the link to the report.");
		// the return is not a posted comment: announced and audited as the return it is, not twice
		assertThat(comments()).isEqualTo(1);
		assertThat(this.events.stream(CommentPosted.class)).hasSize(1);
	}

	@Test
	void aBlankTooLongOrControlCharacterCommentIsRefusedWithTheFormAgain() {
		MvcTestResult blank = comment(this.pak, "PAK", "POL-1", "   \r\n ");
		assertThat(blank).hasStatus(422);
		Document doc = page(blank);
		assertThat(doc.title()).startsWith("Error: ");
		assertThat(doc.select(".error-summary a").eachAttr("href")).containsExactly("#text");
		assertThat(doc.select("#text-error").text()).contains("Enter your comment");
		assertThat(doc.select("textarea#text").attr("aria-describedby")).isEqualTo("text-hint text-error");

		String tooLong = "x".repeat(PostComment.MAX_LENGTH + 1);
		MvcTestResult longOne = comment(this.pak, "PAK", "POL-1", tooLong);
		assertThat(longOne).hasStatus(422);
		assertThat(page(longOne).select("#text-error").text()).contains("5000 characters or fewer (it has 5001)");
		assertThat(page(longOne).select("textarea#text").first().wholeText()).isEqualTo(tooLong);
		// exactly the limit, counted in characters (not UTF-16 units): accepted
		assertThat(comment(this.pak, "PAK", "POL-1", "😀".repeat(PostComment.MAX_LENGTH))).hasStatus(302);

		MvcTestResult control = comment(this.pak, "PAK", "POL-1", "Bell \u0007 here");
		assertThat(control).hasStatus(422);
		assertThat(page(control).select("#text-error").text()).contains("control character");

		assertThat(comments()).isEqualTo(1);
		assertThat(commentAudits()).isEqualTo(1);
	}

	@Test
	void htmlInACommentIsShownAsText() {
		comment(this.pak, "PAK", "POL-1", "<script>alert(1)</script> <b>bold</b>");
		Document doc = page(this.t.get(this.t.secretariat(), this.t.path("PAK", "POL-1")));
		assertThat(doc.select("#thread .thread-text").text()).isEqualTo("<script>alert(1)</script> <b>bold</b>");
		assertThat(doc.select("#thread script, #thread b")).isEmpty();
	}

	@Test
	void anotherStatesDelegateAndAdministratorsPostNothingAndAnonymousUsersMustSignIn() {
		assertThat(comment(this.t.delegateOf("PHL"), "PAK", "POL-1", "Not mine.")).hasStatus(403);
		assertThat(comment(this.t.admin(), "PAK", "POL-1", "Admins only read.")).hasStatus(403);
		assertThat(this.mvc.post().uri(this.t.path("PAK", "POL-1") + "/comments").param("text", "Anonymous").with(csrf())
			.exchange()).hasStatus(302).redirectedUrl().endsWith("/login");
		// an unknown entry and a commitment that does not apply: 404, as for the entry page
		assertThat(comment(this.pak, "PAK", "XYZ-9", "Unknown.")).hasStatus(404);
		assertThat(comments()).isZero();
		assertThat(commentAudits()).isZero();
	}

	@Test
	void anotherStatesDelegateCannotReadTheThread() {
		comment(this.pak, "PAK", "POL-1", "Between us and the Secretariat.");
		assertThat(this.t.get(this.t.delegateOf("PHL"), this.t.path("PAK", "POL-1"))).hasStatus(403);
		assertThat(this.mvc.get().uri(this.t.path("PAK", "POL-1")).exchange()).hasStatus(302);
	}

	@Test
	void administratorsReadTheThreadWithoutAForm() {
		comment(this.pak, "PAK", "POL-1", "A question.");
		Document doc = page(this.t.get(this.t.admin(), this.t.path("PAK", "POL-1")));
		assertThat(doc.select("#thread .thread-text").text()).isEqualTo("A question.");
		assertThat(doc.select("form.thread-form")).isEmpty();
		assertThat(doc.select(".thread-read-only").text()).contains("Administrators read conversations");
	}

	@Test
	void aClosedCyclesThreadIsReadOnly() {
		this.jdbc.sql("insert into reporting_cycle (code, period_start, period_end, opens_on, deadline, state) "
				+ "values ('2019', date '2019-01-01', date '2019-12-31', date '2019-01-01', date '2019-12-31', 'CLOSED')")
			.update();
		String path = EntryTestSupport.path("2019", "PAK", "POL-1");
		MvcTestResult refused = this.t.post(this.pak, path + "/comments").param("text", "Too late?").exchange();
		assertThat(refused).hasStatus(409);
		assertThat(page(refused).select(".error-summary").text()).contains("Reporting cycle 2019 is closed");
		assertThat(comments()).isZero();
		Document doc = page(this.t.get(this.pak, path));
		assertThat(doc.select("form.thread-form")).isEmpty();
		assertThat(doc.select(".thread-read-only").text()).contains("read-only");
	}

	@Test
	void theSecretariatsOwnEntriesHaveAThreadAmongStaff() {
		assertThat(comment(this.t.secretariat("secretariat.writer"), "SECRETARIAT", "POL-6", "Ready for review?"))
			.hasStatus(302);
		Document doc = page(this.t.get(this.t.secretariat("secretariat.reviewer"), this.t.path("SECRETARIAT", "POL-6")));
		assertThat(doc.select("#thread .thread-role").text()).isEqualTo("Secretariat");
		assertThat(doc.select("#thread p.text-secondary").first().text()).contains("among Secretariat staff");
		assertThat(comment(this.pak, "SECRETARIAT", "POL-6", "Me too?")).hasStatus(403);
	}

}
