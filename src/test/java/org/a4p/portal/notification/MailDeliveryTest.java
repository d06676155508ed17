package org.a4p.portal.notification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.a4p.portal.PortalApplication;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders through a real SMTP server in the test JVM (GreenMail): exactly the delegates with entries still to
 * submit, in their language, once, however often and on however many instances the job runs.
 */
@PortalTest
class MailDeliveryTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		MailFixture.sendThrough(greenMail, registry);
		registry.add("portal.mail.max-attempts", () -> "3");
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeadlineReminders reminders;

	@Autowired
	OutboxSender sender;

	@Autowired
	org.a4p.portal.support.MutableClock clock;

	@Autowired
	org.springframework.mail.javamail.JavaMailSenderImpl javaMail;

	MailFixture fixture;

	@BeforeEach
	void emptyMailboxes() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
	}

	@AfterEach
	void drop() {
		if (this.fixture != null) {
			this.fixture.drop();
		}
	}

	@Test
	void remindersGoToExactlyTheDelegatesWithMissingEntriesInTheirLanguageOnce() throws Exception {
		this.javaMail.setPort(greenMail.getSmtp().getPort());
		MailFixture f = this.fixture = new MailFixture(this.jdbc, "R", MailFixture.today().plusDays(5));
		f.user("pak1", "DELEGATE", "PAK", null);
		f.user("pak2", "DELEGATE", "PAK", "fr");
		f.user("pak3", "DELEGATE", "PAK", null);
		f.user("pak4", "DELEGATE", "PAK", null);
		f.user("phl1", "DELEGATE", "PHL", null);
		f.user("sec1", "SECRETARIAT", null, null);
		this.jdbc.sql("insert into notification_setting (user_id, reminders) values (?, false)").param(f.userId("pak3")).update();
		this.jdbc.sql("update app_user set enabled = false where id = ?").param(f.userId("pak4")).update();
		f.entry("PAK", "POL-2", "SUBMITTED", f.prefix + "pak1");
		f.entry("PHL", "POL-1", "SUBMITTED", f.prefix + "phl1");

		this.reminders.queueDue();
		this.reminders.queueDue();
		this.reminders.run();
		assertThat(f.outbox()).containsExactly("REMINDER " + f.prefix + "pak1 QUEUED",
				"REMINDER " + f.prefix + "pak2 QUEUED", "REMINDER " + f.prefix + "sec1 QUEUED");
		assertThat(this.jdbc.sql("select occasion from outbox_message where subject_key = ? limit 1")
			.param(f.cycle + "/PAK").query(String.class).single()).as("5 days left: the 7-day reminder").isEqualTo("7d");

		this.sender.sendDue();
		this.sender.sendDue();
		assertThat(f.outbox()).containsExactly("REMINDER " + f.prefix + "pak1 SENT", "REMINDER " + f.prefix + "pak2 SENT",
				"REMINDER " + f.prefix + "sec1 SENT");

		MimeMessage english = single(f.email("pak1"));
		assertThat(english.getSubject()).isEqualTo("Reminder: reporting cycle " + f.cycle + ", deadline "
				+ MailFixture.today().plusDays(5));
		String text = part(english, "text/plain");
		assertThat(text).contains("Dear User pak1,").contains("POL-1")
			.contains("https://portal.example.org/entries/" + f.cycle + "/PAK/POL-1")
			.contains("https://portal.example.org/my")
			.contains("days left: 5")
			.doesNotContain("POL-2")
			.contains("https://portal.example.org/unsubscribe?t=");
		String html = part(english, "text/html");
		assertThat(html).contains("<html lang=\"en\" dir=\"ltr\">")
			.contains("href=\"https://portal.example.org/entries/" + f.cycle + "/PAK/POL-1\"")
			.doesNotContain("POL-2");

		MimeMessage french = single(f.email("pak2"));
		assertThat(french.getSubject()).isEqualTo("Rappel : cycle de rapport " + f.cycle + ", date limite "
				+ MailFixture.today().plusDays(5));
		assertThat(part(french, "text/plain")).contains("n’ont pas encore été soumis").contains("POL-1");

		assertThat(part(single(f.email("sec1")), "text/plain")).contains("Secretariat")
			.contains(f.secretariatCommitment)
			.doesNotContain("POL-1");
		assertThat(mailbox(f.email("pak3"))).as("opted out of reminders").isEmpty();
		assertThat(mailbox(f.email("pak4"))).as("disabled").isEmpty();
		assertThat(mailbox(f.email("phl1"))).as("nothing missing").isEmpty();

		this.reminders.queueDue();
		this.sender.sendDue();
		assertThat(greenMail.getReceivedMessages()).as("still one message each").hasSize(3);
	}

	@Test
	void twoInstancesOnOneDatabaseQueueEachReminderOnce() throws Exception {
		this.javaMail.setPort(greenMail.getSmtp().getPort());
		MailFixture f = this.fixture = new MailFixture(this.jdbc, "T", MailFixture.today().plusDays(1));
		f.user("pak1", "DELEGATE", "PAK", null);
		f.user("pak2", "DELEGATE", "PAK", "zh");
		f.user("sec1", "SECRETARIAT", null, null);
		TestDatabase.Connection db = TestDatabase.get();
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(PortalApplication.class).run(
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password(), "--server.port=0", "--spring.main.banner-mode=off",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + greenMail.getSmtp().getPort(),
				"--portal.mail.send-every=1h")) {
			DeadlineReminders otherReminders = other.getBean(DeadlineReminders.class);
			OutboxSender otherSender = other.getBean(OutboxSender.class);
			List<CompletableFuture<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				runs.add(CompletableFuture.supplyAsync(this.reminders::queueDue));
				runs.add(CompletableFuture.supplyAsync(otherReminders::queueDue));
			}
			int queued = runs.stream().mapToInt(CompletableFuture::join).sum();
			assertThat(f.outbox()).containsExactly("REMINDER " + f.prefix + "pak1 QUEUED",
					"REMINDER " + f.prefix + "pak2 QUEUED", "REMINDER " + f.prefix + "sec1 QUEUED");
			assertThat(queued).as("queued by all runs together").isGreaterThanOrEqualTo(3);

			CompletableFuture<Integer> a = CompletableFuture.supplyAsync(this.sender::sendDue);
			CompletableFuture<Integer> b = CompletableFuture.supplyAsync(otherSender::sendDue);
			a.join();
			b.join();
		}
		assertThat(f.outbox()).containsExactly("REMINDER " + f.prefix + "pak1 SENT", "REMINDER " + f.prefix + "pak2 SENT",
				"REMINDER " + f.prefix + "sec1 SENT");
		assertThat(mailbox(f.email("pak1"))).hasSize(1);
		assertThat(single(f.email("pak2")).getSubject()).startsWith("提醒：报告周期 " + f.cycle);
		assertThat(mailbox(f.email("sec1"))).hasSize(1);
	}

	@Test
	void aServerThatSaysTryLaterGetsRetriesWithBackOffThenTheMessageEndsFailedAndVisible() throws Exception {
		MailFixture f = this.fixture = new MailFixture(this.jdbc, "F", MailFixture.today().plusDays(1));
		f.user("pak1", "DELEGATE", "PAK", null);
		this.reminders.queueDue();
		assertThat(f.outbox()).containsExactly("REMINDER " + f.prefix + "pak1 QUEUED");
		try (TryLaterServer server = new TryLaterServer()) {
			this.javaMail.setPort(server.port());
			java.time.Instant before = this.clock.instant();
			this.sender.sendDue();
			assertThat(f.outbox()).containsExactly("REMINDER " + f.prefix + "pak1 QUEUED");
			assertThat(attempts(f)).isEqualTo(1);
			assertThat(lastError(f)).contains("451");
			assertThat(nextAttempt(f)).isAfterOrEqualTo(before.plus(java.time.Duration.ofMinutes(1)));
			this.sender.sendDue();
			assertThat(attempts(f)).as("not due yet: no new attempt").isEqualTo(1);
			for (int attempt = 2; attempt <= 3; attempt++) {
				this.clock.advance(java.time.Duration.ofDays(1));
				this.sender.sendDue();
				assertThat(attempts(f)).isEqualTo(attempt);
			}
		}
		finally {
			this.clock.reset();
			this.javaMail.setPort(greenMail.getSmtp().getPort());
		}
		assertThat(f.outbox()).as("3 attempts allowed in this test: failed, and kept")
			.containsExactly("REMINDER " + f.prefix + "pak1 FAILED");
		assertThat(lastError(f)).contains("451 4.3.0 Try again later");
		this.sender.sendDue();
		assertThat(mailbox(f.email("pak1"))).as("a failed message is not sent later").isEmpty();
	}

	private int attempts(MailFixture f) {
		return this.jdbc.sql("select attempts from outbox_message where recipient_id = ?").param(f.userId("pak1"))
			.query(Integer.class).single();
	}

	private String lastError(MailFixture f) {
		return this.jdbc.sql("select last_error from outbox_message where recipient_id = ?").param(f.userId("pak1"))
			.query(String.class).single();
	}

	private java.time.Instant nextAttempt(MailFixture f) {
		return this.jdbc.sql("select next_attempt_at from outbox_message where recipient_id = ?")
			.param(f.userId("pak1")).query(java.sql.Timestamp.class).single().toInstant();
	}

	/** A tiny SMTP server that answers every MAIL FROM with 451 (a temporary failure). */
	static final class TryLaterServer implements AutoCloseable {

		private final java.net.ServerSocket socket = new java.net.ServerSocket(0, 50,
				java.net.InetAddress.getLoopbackAddress());

		TryLaterServer() throws IOException {
			Thread thread = new Thread(this::serve, "try-later-smtp");
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void serve() {
			while (!this.socket.isClosed()) {
				try (java.net.Socket client = this.socket.accept();
						var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
								java.nio.charset.StandardCharsets.US_ASCII));
						var out = new java.io.PrintWriter(new java.io.OutputStreamWriter(client.getOutputStream(),
								java.nio.charset.StandardCharsets.US_ASCII), true)) {
					out.print("220 localhost ESMTP\r\n");
					out.flush();
					String line;
					while ((line = in.readLine()) != null) {
						String command = line.toUpperCase(java.util.Locale.ROOT);
						if (command.startsWith("EHLO") || command.startsWith("HELO")) {
							out.print("250 localhost\r\n");
						}
						else if (command.startsWith("MAIL FROM")) {
							out.print("451 4.3.0 Try again later\r\n");
						}
						else if (command.startsWith("QUIT")) {
							out.print("221 bye\r\n");
							out.flush();
							break;
						}
						else {
							out.print("250 OK\r\n");
						}
						out.flush();
					}
				}
				catch (IOException ex) {
					// closed, or the client went away: serve the next one
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	private static MimeMessage[] mailbox(String email) throws Exception {
		return mailbox(greenMail, email);
	}

	private static MimeMessage single(String email) throws Exception {
		return single(greenMail, email);
	}

	/** The messages a GreenMail server received for an address (none when it received none). */
	static MimeMessage[] mailbox(GreenMailExtension server, String email) throws Exception {
		GreenMailUser user = server.getUserManager().getUserByEmail(email);
		if (user == null) {
			return new MimeMessage[0];
		}
		return server.getUserManager()
			.getImapHostManager()
			.getInbox(user)
			.getMessages()
			.stream()
			.map((m) -> {
				try {
					return m.getMimeMessage();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			})
			.toArray(MimeMessage[]::new);
	}

	/** The one message a GreenMail server received for an address. */
	static MimeMessage single(GreenMailExtension server, String email) throws Exception {
		MimeMessage[] messages = mailbox(server, email);
		assertThat(messages).as("messages to " + email).hasSize(1);
		return messages[0];
	}

	/** The text of the first part of that type, however deeply nested (mixed > related > alternative). */
	static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				String found = partOrNull(body, type);
				if (found != null) {
					return found;
				}
			}
		}
		throw new AssertionError("No " + type + " part");
	}

	private static String partOrNull(Part part, String type) throws MessagingException, IOException {
		try {
			return part(part, type);
		}
		catch (AssertionError ex) {
			return null;
		}
	}

}
