package org.a4p.portal.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.a4p.portal.i18n.Formats;
import org.a4p.portal.support.MutableClock;
import org.a4p.portal.support.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reviewers' weekly digest through a real SMTP server in the test JVM (GreenMail): Secretariat staff who
 * receive it (enabled, not opted out) and nobody else get one message a week listing what waits for review, in
 * their language, once however often the job runs; nothing is queued in a week when nothing waits.
 */
@PortalTest
class ReviewDigestTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		MailFixture.sendThrough(greenMail, registry);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReviewDigest digest;

	@Autowired
	OutboxSender sender;

	@Autowired
	MutableClock clock;

	@Autowired
	JavaMailSenderImpl javaMail;

	@Autowired
	TransactionTemplate transactions;

	MailFixture fixture;

	@BeforeEach
	void emptyMailboxes() throws Exception {
		this.javaMail.setPort(greenMail.getSmtp().getPort());
		greenMail.purgeEmailFromAllMailboxes();
	}

	@AfterEach
	void drop() {
		this.clock.reset();
		// the digest also went to the portal's other Secretariat users: leave no message behind
		this.jdbc.sql("delete from outbox_message where kind = 'DIGEST'").update();
		if (this.fixture != null) {
			this.fixture.drop();
		}
	}

	@Test
	void reviewersGetOneDigestAWeekInTheirLanguageAndNobodyElseGetsOne() throws Exception {
		long waitingBefore = waitingInOpenCycles();
		MailFixture f = this.fixture = new MailFixture(this.jdbc, "G", MailFixture.today().plusDays(40));
		String writer = f.user("pak1", "DELEGATE", "PAK", null);
		f.user("sec1", "SECRETARIAT", null, null);
		f.user("sec2", "SECRETARIAT", null, "fr");
		f.user("sec3", "SECRETARIAT", null, null);
		f.user("sec4", "SECRETARIAT", null, null);
		f.user("adm1", "ADMIN", null, null);
		this.jdbc.sql("insert into notification_setting (user_id, digest) values (?, false)").param(f.userId("sec3")).update();
		this.jdbc.sql("update app_user set enabled = false where id = ?").param(f.userId("sec4")).update();
		// two submissions in Politics, one in another area, one draft (not waiting); submitted long ago: the oldest
		submitted(f, f.entry("PAK", "POL-1", "SUBMITTED", writer), "1990-03-01");
		submitted(f, f.entry("PAK", "POL-2", "SUBMITTED", writer), "1990-03-02");
		submitted(f, f.entry("SECRETARIAT", "WPS-4", "SUBMITTED", f.prefix + "sec1"), "1990-03-03");
		f.entry("PHL", "POL-1", "DRAFT", f.prefix + "sec1");
		long total = waitingBefore + 3;
		OffsetDateTime march1 = OffsetDateTime.of(1990, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

		List<CompletableFuture<Integer>> runs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			runs.add(CompletableFuture.supplyAsync(this.digest::queueDue));
		}
		runs.forEach(CompletableFuture::join);
		this.digest.run();
		assertThat(f.outbox()).as("the reviewers who receive it, once each")
			.containsExactly("DIGEST " + f.prefix + "sec1 QUEUED", "DIGEST " + f.prefix + "sec2 QUEUED");
		assertThat(this.jdbc.sql("""
				select count(*) from outbox_message m join app_user u on u.id = m.recipient_id
				where m.kind = 'DIGEST' and (u.role <> 'SECRETARIAT' or not u.enabled)
				""").query(Long.class).single()).as("no delegate, administrator or disabled account").isZero();

		this.sender.sendDue();
		assertThat(f.outbox()).containsExactly("DIGEST " + f.prefix + "sec1 SENT", "DIGEST " + f.prefix + "sec2 SENT");

		MimeMessage english = single(f.email("sec1"));
		assertThat(english.getSubject()).isEqualTo("Weekly digest: submissions waiting for review (" + total + ")");
		String text = MailDeliveryTest.part(english, "text/plain");
		assertThat(text).contains("Dear User sec1,")
			.contains("Submissions waiting for review in the open reporting cycles: " + total + ".")
			.contains("Cycle " + f.cycle + ", " + areaName("POL", "en") + ": 2")
			.contains("Cycle " + f.cycle + ", " + areaName("WPS", "en") + ": 1")
			.contains("https://portal.example.org/review?cycle=" + f.cycle + "&area=POL")
			.contains("https://portal.example.org/entries/" + f.cycle + "/PAK/POL-1")
			.contains("https://portal.example.org/entries/" + f.cycle + "/PAK/POL-2")
			.contains("(submitted " + new Formats(Locale.ENGLISH).dateTime(march1) + ")")
			.doesNotContain("/PHL/POL-1")
			.containsPattern("Open the review queue:\\R\\Qhttps://portal.example.org/review\\E\\R")
			.contains("https://portal.example.org/unsubscribe?t=");
		assertThat(text.indexOf("/PAK/POL-1")).as("the longest-waiting first").isLessThan(text.indexOf("/PAK/POL-2"));
		String html = MailDeliveryTest.part(english, "text/html");
		assertThat(html).contains("<html lang=\"en\" dir=\"ltr\">")
			.contains("href=\"https://portal.example.org/review?cycle=" + f.cycle + "&amp;area=POL\"")
			.contains("href=\"https://portal.example.org/entries/" + f.cycle + "/PAK/POL-1\"")
			.contains("href=\"https://portal.example.org/review\"");

		MimeMessage french = single(f.email("sec2"));
		assertThat(french.getSubject())
			.isEqualTo("Récapitulatif hebdomadaire : soumissions en attente d’examen (" + total + ")");
		assertThat(MailDeliveryTest.part(french, "text/plain"))
			.contains("Cycle " + f.cycle + ", " + areaName("POL", "fr") + " : 2")
			.contains("(soumise le " + new Formats(Locale.FRENCH).dateTime(march1) + ")")
			.contains("Ouvrir la file d’examen :");
		assertThat(MailDeliveryTest.part(french, "text/html")).contains("<html lang=\"fr\" dir=\"ltr\">");
		for (String nobody : List.of("pak1", "sec3", "sec4", "adm1")) {
			assertThat(mailbox(f.email(nobody))).as(nobody).isEmpty();
		}

		// the same week again (a restart, another instance): nothing new; the next week: one more each
		this.digest.queueDue();
		this.sender.sendDue();
		assertThat(mailbox(f.email("sec1"))).hasSize(1);
		this.clock.advance(Duration.ofDays(7));
		this.digest.queueDue();
		this.digest.queueDue();
		assertThat(f.outbox()).containsExactly("DIGEST " + f.prefix + "sec1 SENT", "DIGEST " + f.prefix + "sec1 QUEUED",
				"DIGEST " + f.prefix + "sec2 SENT", "DIGEST " + f.prefix + "sec2 QUEUED");
		assertThat(this.jdbc.sql("select distinct occasion from outbox_message where recipient_id = ? order by 1")
			.param(f.userId("sec1")).query(String.class).list())
			.containsExactly(ReviewDigest.week(MailFixture.today()), ReviewDigest.week(MailFixture.today().plusDays(7)));
	}

	@Test
	void nothingIsQueuedInAWeekWhenNothingWaits() {
		MailFixture f = this.fixture = new MailFixture(this.jdbc, "N", MailFixture.today().plusDays(40));
		f.user("sec1", "SECRETARIAT", null, null);
		f.entry("PAK", "POL-1", "DRAFT", f.prefix + "sec1");
		// every submission in the database set aside for this transaction only, which is rolled back
		int queued = this.transactions.execute((status) -> {
			status.setRollbackOnly();
			this.jdbc.sql("update progress_entry set workflow_state = 'DRAFT' where workflow_state = 'SUBMITTED'").update();
			assertThat(waitingInOpenCycles()).isZero();
			int n = this.digest.queueDue();
			assertThat(this.jdbc.sql("select count(*) from outbox_message where kind = 'DIGEST'").query(Long.class)
				.single()).isZero();
			return n;
		});
		assertThat(queued).isZero();

		// a submission in a closed cycle cannot be reviewed: it does not count either
		long closed = this.jdbc.sql("""
				insert into reporting_cycle (code, period_start, period_end, opens_on, deadline, state)
				values (?, date '1989-01-01', date '1989-12-31', date '1989-01-01', date '1989-12-31', 'CLOSED')
				returning id
				""").param(f.cycle + "C").query(Long.class).single();
		try {
			int queuedClosed = this.transactions.execute((status) -> {
				status.setRollbackOnly();
				this.jdbc.sql("update progress_entry set workflow_state = 'DRAFT' where workflow_state = 'SUBMITTED'")
					.update();
				this.jdbc.sql("""
						insert into progress_entry (cycle_id, stakeholder_id, commitment_id, status, workflow_state,
						                            submitted_at)
						select ?, s.id, c.id, 'LIMITED', 'SUBMITTED', now() from stakeholder s, commitment c
						where s.code = 'PAK' and c.code = 'POL-1'
						""").param(closed).update();
				return this.digest.queueDue();
			});
			assertThat(queuedClosed).isZero();
		}
		finally {
			this.jdbc.sql("delete from reporting_cycle where id = ?").param(closed).update();
		}
		assertThat(f.outbox()).isEmpty();
	}

	private long waitingInOpenCycles() {
		return this.jdbc.sql("""
				select count(*) from progress_entry pe join reporting_cycle rc on rc.id = pe.cycle_id
				where pe.workflow_state = 'SUBMITTED' and rc.state = 'OPEN'
				""").query(Long.class).single();
	}

	private void submitted(MailFixture f, long entryId, String day) {
		this.jdbc.sql("update progress_entry set submitted_at = cast(? as date) + time '12:00' at time zone 'UTC' where id = ?")
			.params(day, entryId).update();
	}

	/** An area's short name in the current catalogue: in that language where it has one, else in English. */
	private String areaName(String area, String lang) {
		return this.jdbc.sql("""
				select t.short_name from area_text t join area a on a.id = t.area_id
				join catalogue_version v on v.id = t.catalogue_version_id and v.is_current
				where a.code = ? and t.lang in (?, 'en') order by t.lang = 'en' limit 1
				""").params(area, lang).query(String.class).single();
	}

	private static MimeMessage[] mailbox(String email) throws Exception {
		return MailDeliveryTest.mailbox(greenMail, email);
	}

	private static MimeMessage single(String email) throws Exception {
		return MailDeliveryTest.single(greenMail, email);
	}

}
