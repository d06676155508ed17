package org.a4p.portal.notification;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.account.Role;
import org.a4p.portal.reporting.EntryRef;
import org.a4p.portal.reporting.ReturnEntry;
import org.a4p.portal.reporting.ValidateEntry;
import org.a4p.portal.support.PortalTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Without SMTP (the README's commands): every message is kept in the outbox, which administrators read; returns and
 * validations are queued with the step; unsubscribe links change nothing on GET and refuse a forged token.
 */
@PortalTest
class MailOutboxTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ReturnEntry returnEntry;

	@Autowired
	ValidateEntry validateEntry;

	@Autowired
	OutboxSender sender;

	@Autowired
	UnsubscribeTokens tokens;

	@Autowired
	DeadlineReminders reminders;

	MailFixture fixture;

	@AfterEach
	void drop() {
		if (this.fixture != null) {
			this.fixture.drop();
		}
	}

	private PortalUser staff(MailFixture f) {
		String name = f.user("sec1", "SECRETARIAT", null, null);
		return new PortalUser(f.userId("sec1"), name, "User sec1", null, Role.SECRETARIAT, null, null, true, false);
	}

	@Test
	void aReturnQueuesTheCommentForTheWritersInTheirLanguageAndTheOutboxShowsIt() throws Exception {
		MailFixture f = this.fixture = new MailFixture(this.jdbc, "O", MailFixture.today().plusDays(60));
		String writer = f.user("pak1", "DELEGATE", "PAK", "fr");
		f.user("pak2", "DELEGATE", "PAK", null);
		PortalUser staff = staff(f);
		f.entry("PAK", "POL-1", "SUBMITTED", writer);
		EntryRef ref = new EntryRef(f.cycle, "PAK", "POL-1");

		this.returnEntry.returnEntry(staff, ref, 0L, "Please add <b>evidence</b> & a date.");

		assertThat(f.outbox()).as("the writer only: not the other delegate, not the reviewer")
			.containsExactly("RETURNED " + writer + " QUEUED");
		assertThat(this.sender.sendDue()).as("no SMTP configured: nothing leaves").isZero();
		assertThat(f.outbox()).containsExactly("RETURNED " + writer + " QUEUED");
		long id = this.jdbc.sql("select id from outbox_message where recipient_id = ?").param(f.userId("pak1"))
			.query(Long.class).single();
		String subject = this.jdbc.sql("select subject from outbox_message where id = ?").param(id).query(String.class).single();
		assertThat(subject).isEqualTo("Entrée renvoyée : POL-1, PAK, cycle " + f.cycle);

		PortalUser admin = new PortalUser(1, "admin.one", "Administrator", null, Role.ADMIN, null, null, true, false);
		Document list = page(this.mvc.get().uri("/admin/outbox?kind=RETURNED&state=QUEUED").header("Accept-Language", "en")
			.with(user(admin)).exchange());
		assertThat(list.select("#message-" + id).text()).contains(writer).contains(subject).contains("Queued");
		assertThat(list.text()).contains("No mail server is configured");
		assertThat(page(this.mvc.get().uri("/admin/outbox?state=SENT&kind=RETURNED").with(user(admin)).exchange())
			.select("#message-" + id)).isEmpty();

		Document detail = page(this.mvc.get().uri("/admin/outbox/" + id).header("Accept-Language", "en")
			.with(user(admin)).exchange());
		assertThat(detail.select("#text-part").text()).contains("Please add <b>evidence</b> & a date.")
			.contains("/entries/" + f.cycle + "/PAK/POL-1");
		assertThat(detail.select("#html-part").text()).contains("Please add &lt;b&gt;evidence&lt;/b&gt; &amp; a date.");
		assertThat(detail.select("#html-part b")).as("the HTML part is shown as text, never rendered").isEmpty();

		// submitted again and validated: a short notice, queued with the validation
		this.jdbc.sql("update progress_entry set workflow_state = 'SUBMITTED', review_comment = null where cycle_id = ?")
			.param(f.cycleId).update();
		long version = this.jdbc.sql("select version from progress_entry where cycle_id = ?").param(f.cycleId)
			.query(Long.class).single();
		this.validateEntry.validate(staff, ref, version);
		assertThat(f.outbox()).containsExactly("RETURNED " + writer + " QUEUED", "VALIDATED " + writer + " QUEUED");
	}

	@Test
	void aDisabledWriterGetsNoNotice() {
		MailFixture f = this.fixture = new MailFixture(this.jdbc, "D", MailFixture.today().plusDays(60));
		String writer = f.user("pak1", "DELEGATE", "PAK", null);
		this.jdbc.sql("update app_user set enabled = false where username = ?").param(writer).update();
		f.entry("PAK", "POL-1", "SUBMITTED", writer);
		this.returnEntry.returnEntry(staff(f), new EntryRef(f.cycle, "PAK", "POL-1"), 0L, "Not enough.");
		assertThat(f.outbox()).isEmpty();
	}

	@Test
	void unsubscribeAsksFirstAndRefusesAForgedLink() {
		MailFixture f = this.fixture = new MailFixture(this.jdbc, "U", MailFixture.today().plusDays(60));
		f.user("pak1", "DELEGATE", "PAK", null);
		long userId = f.userId("pak1");
		String token = this.tokens.token(userId, MailKind.REMINDER);

		MvcTestResult confirm = this.mvc.get().uri("/unsubscribe?t=" + token).header("Accept-Language", "en").exchange();
		assertThat(confirm).hasStatusOk();
		assertThat(page(confirm).select("form[action=/unsubscribe] button").text()).isEqualTo("Stop these messages");
		assertThat(reminders(userId)).as("GET changes nothing").isTrue();

		String forged = token.replace(userId + ".", (userId + 1) + ".");
		assertThat(this.mvc.get().uri("/unsubscribe?t=" + forged).exchange()).hasStatus(400);
		assertThat(this.mvc.post().uri("/unsubscribe").param("t", forged).with(csrf()).exchange()).hasStatus(400);
		assertThat(this.mvc.post().uri("/unsubscribe").param("t", token.substring(0, token.length() - 1) + "A")
			.with(csrf()).exchange()).hasStatus(400);
		assertThat(this.mvc.get().uri("/unsubscribe?t=" + token.replace("REMINDER", "RETURNED")).exchange())
			.hasStatus(400);
		assertThat(reminders(userId)).isTrue();

		MvcTestResult done = this.mvc.post().uri("/unsubscribe").param("t", token).header("Accept-Language", "en")
			.with(csrf()).exchange();
		assertThat(done).hasStatusOk();
		assertThat(page(done).select("#unsubscribed").text()).contains("Deadline reminder");
		assertThat(reminders(userId)).isFalse();
	}

	@Test
	void aUserChoosesTheirLanguageAndOptsOutOfRemindersInTheirAccount() throws Exception {
		MailFixture f = this.fixture = new MailFixture(this.jdbc, "S", MailFixture.today().plusDays(3));
		String name = f.user("pak1", "DELEGATE", "PAK", null);
		PortalUser delegate = new PortalUser(f.userId("pak1"), name, "User pak1", null, Role.DELEGATE,
				this.jdbc.sql("select id from stakeholder where code = 'PAK'").query(Long.class).single(), "PAK", true,
				false);
		Document form = page(this.mvc.get().uri("/account/messages").header("Accept-Language", "en")
			.with(user(delegate)).exchange());
		assertThat(form.select("h1").text()).isEqualTo("Messages you receive");
		assertThat(form.text()).contains("Messages are sent to " + f.email("pak1"));
		assertThat(form.select("#reminders[checked]")).hasSize(1);

		MvcTestResult saved = this.mvc.post().uri("/account/messages").param("language", "ru").param("digest", "true")
			.param("_reminders", "on").param("_digest", "on")
			.header("Accept-Language", "en").with(user(delegate)).with(csrf()).exchange();
		assertThat(saved).hasStatus(302);
		assertThat(reminders(f.userId("pak1"))).isFalse();
		assertThat(this.jdbc.sql("select language from notification_setting where user_id = ?").param(f.userId("pak1"))
			.query(String.class).single()).isEqualTo("ru");
		assertThat(page(this.mvc.get().uri("/account/messages").with(user(delegate)).exchange())
			.select("#language option[selected]").attr("value")).isEqualTo("ru");

		this.reminders.queueDue();
		assertThat(f.outbox()).as("opted out of reminders").isEmpty();
		f.entry("PAK", "POL-1", "SUBMITTED", name);
		this.returnEntry.returnEntry(staff(f), new EntryRef(f.cycle, "PAK", "POL-1"), 0L, "Again.");
		assertThat(f.outbox()).as("returns are not optional").containsExactly("RETURNED " + name + " QUEUED");
		assertThat(this.jdbc.sql("select subject from outbox_message where recipient_id = ?").param(f.userId("pak1"))
			.query(String.class).single()).startsWith("Запись возвращена: POL-1");
	}

	private boolean reminders(long userId) {
		return this.jdbc.sql("select coalesce((select reminders from notification_setting where user_id = ?), true)")
			.param(userId).query(Boolean.class).single();
	}

	private static Document page(MvcTestResult result) {
		try {
			return Jsoup.parse(result.getResponse().getContentAsString());
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
