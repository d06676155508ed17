package org.a4p.portal.notification;

import java.util.List;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.account.Role;
import org.a4p.portal.support.PortalTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A comment on an entry's thread, posted through the page's form, notifies the other side (the
 * {@code CommentPosted} listener in {@link EntryNotices}): a delegate's comment goes to the Secretariat staff who
 * worked on the entry (all Secretariat staff while none has), a reviewer's to the state's delegates who wrote it
 * (all the state's delegates while none has); never to the author, to the author's own side, to another state or to
 * a disabled account. Comments are not optional messages: turning reminders and the digest off does not silence
 * them. Rolled back after the test.
 */
@PortalTest
@Transactional
class CommentNoticesTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	MailFixture fixture;

	@Test
	void aCommentNotifiesTheOtherSideOnlyNeverItsAuthorNorADisabledAccount() {
		MailFixture f = this.fixture = new MailFixture(this.jdbc, "C", MailFixture.today().plusDays(60));
		PortalUser pak1 = person(f, "pak1", Role.DELEGATE, "PAK", "fr");
		PortalUser pak2 = person(f, "pak2", Role.DELEGATE, "PAK", null);
		person(f, "pak3", Role.DELEGATE, "PAK", null);
		person(f, "phl1", Role.DELEGATE, "PHL", null);
		PortalUser sec1 = person(f, "sec1", Role.SECRETARIAT, null, null);
		PortalUser sec2 = person(f, "sec2", Role.SECRETARIAT, null, "zh");
		person(f, "sec3", Role.SECRETARIAT, null, null);
		person(f, "sec4", Role.SECRETARIAT, null, null);
		person(f, "adm1", Role.ADMIN, null, null);
		this.jdbc.sql("update app_user set enabled = false where username in (?, ?)")
			.params(f.prefix + "pak3", f.prefix + "sec3").update();
		this.jdbc.sql("insert into notification_setting (user_id, reminders, digest) values (?, false, false)")
			.param(f.userId("sec4")).update();
		f.entry("PAK", "POL-1", "SUBMITTED", pak1.getUsername());

		// a delegate asks; no Secretariat staff has worked on the entry yet: all of them hear of it
		long question = comment(pak1, "PAK", "POL-1", "Which report should we link?");
		assertThat(f.outbox()).containsExactly(comment(f, "sec1"), comment(f, "sec2"), comment(f, "sec4"));
		assertThat(recipientsOf(question)).as("every enabled Secretariat account, nobody else")
			.containsExactlyInAnyOrderElementsOf(this.jdbc.sql("""
					select username from app_user where role = 'SECRETARIAT' and enabled
					""").query(String.class).list());
		assertThat(message(f, "sec2", question)).startsWith("新评论：POL-1，PAK，周期 " + f.cycle)
			.contains("User pak1")
			.contains("Which report should we link?")
			.contains("/entries/" + f.cycle + "/PAK/POL-1");

		// a reviewer returns the entry (it notifies its writer), then another delegate asks: now only that reviewer
		assertThat(this.mvc.post().uri("/review/" + f.cycle + "/PAK/POL-1/return").with(user(sec1)).with(csrf())
			.param("version", "0").param("comment", "Please add the report.").exchange()).hasStatus(302);
		assertThat(f.outbox()).contains("RETURNED " + f.prefix + "pak1 QUEUED");
		clear(f);
		long again = comment(pak2, "PAK", "POL-1", "Is the 2025 report enough?");
		assertThat(recipientsOf(again)).containsExactly(f.prefix + "sec1");

		// a reviewer answers: to the state's delegates who wrote the entry, in their language
		long answer = comment(sec2, "PAK", "POL-1", "Yes, the 2025 report.");
		assertThat(recipientsOf(answer)).containsExactly(f.prefix + "pak1");
		assertThat(message(f, "pak1", answer)).startsWith("Nouveau commentaire : POL-1, PAK, cycle " + f.cycle)
			.contains("User sec2")
			.contains("Yes, the 2025 report.");

		// on a commitment nobody of the state has written yet: every enabled delegate of that state
		long nudge = comment(sec1, "PAK", "POL-2", "Nothing here yet: can we help?");
		assertThat(recipientsOf(nudge)).containsExactly(f.prefix + "pak1", f.prefix + "pak2");

		assertThat(this.jdbc.sql("""
				select count(*) from outbox_message m join app_user u on u.id = m.recipient_id
				where m.kind = 'COMMENT' and u.username in (?, ?, ?, ?)
				""").params(f.prefix + "pak3", f.prefix + "sec3", f.prefix + "phl1", f.prefix + "adm1")
			.query(Long.class).single()).as("disabled, another state, an administrator: nothing").isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from outbox_message m join app_user u on u.id = m.recipient_id
				join entry_comment c on m.occasion = 'comment-' || c.id
				where m.kind = 'COMMENT' and u.username = c.author_username
				""").query(Long.class).single()).as("nobody hears of their own comment").isZero();
	}

	private PortalUser person(MailFixture f, String name, Role role, @Nullable String state, @Nullable String language) {
		String username = f.user(name, role.name(), state, language);
		Long stakeholderId = (state != null)
				? this.jdbc.sql("select id from stakeholder where code = ?").param(state).query(Long.class).single() : null;
		return new PortalUser(f.userId(name), username, "User " + name, null, role, stakeholderId, state, true, false);
	}

	/** Posts a comment through the entry page's form. @return its id */
	private long comment(PortalUser author, String stakeholder, String commitment, String text) {
		MvcTestResult posted = this.mvc.post()
			.uri("/entries/" + this.fixture.cycle + "/" + stakeholder + "/" + commitment + "/comments")
			.with(user(author))
			.with(csrf())
			.param("text", text)
			.exchange();
		assertThat(posted).hasStatus(302);
		return this.jdbc.sql("select id from entry_comment where author_username = ? and body = ?")
			.params(author.getUsername(), text).query(Long.class).single();
	}

	private static String comment(MailFixture f, String name) {
		return "COMMENT " + f.prefix + name + " QUEUED";
	}

	/** The user names a comment was queued for. */
	private List<String> recipientsOf(long commentId) {
		return this.jdbc.sql("""
				select u.username from outbox_message m join app_user u on u.id = m.recipient_id
				where m.kind = 'COMMENT' and m.occasion = ? order by u.username
				""").param("comment-" + commentId).query(String.class).list();
	}

	/** The subject and text of the message queued for a user about a comment. */
	private String message(MailFixture f, String name, long commentId) {
		return this.jdbc.sql("""
				select subject || E'\\n' || body_text from outbox_message
				where kind = 'COMMENT' and recipient_id = ? and occasion = ?
				""").params(f.userId(name), "comment-" + commentId).query(String.class).single();
	}

	private void clear(MailFixture f) {
		this.jdbc.sql("delete from outbox_message where recipient_id in (select id from app_user where username like ?)")
			.param(f.prefix + "%").update();
	}

}
