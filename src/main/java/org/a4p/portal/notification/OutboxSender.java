package org.a4p.portal.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's due messages through SMTP, when one is configured ({@code spring.mail.host}: Boot then
 * provides a {@link JavaMailSender}); without it messages stay queued in the outbox, which administrators read.
 * Each message is sent in a transaction of its own that holds its row ({@code for update skip locked}), so two
 * senders never send the same message; the job also runs under a lock. A failed attempt is retried later
 * (waits growing fourfold from {@code portal.mail.first-retry}); a permanent refusal (an SMTP 5xx, no address)
 * or the last allowed attempt leaves the message {@code FAILED} with its error, in the outbox.
 */
@Component
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final int BATCH = 100;

	private static final java.util.regex.Pattern SMTP_ANSWER = java.util.regex.Pattern.compile("[245][0-9][0-9][ -]");

	private final Outbox outbox;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final TransactionTemplate transactions;

	private final MailProperties properties;

	private final Clock clock;

	OutboxSender(Outbox outbox, ObjectProvider<JavaMailSender> mailSender, TransactionTemplate transactions,
			MailProperties properties, Clock clock) {
		this.outbox = outbox;
		this.mailSender = mailSender;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether messages leave the portal (SMTP configured) or stay in the outbox. */
	boolean smtpConfigured() {
		return this.mailSender.getIfAvailable() != null;
	}

	@Scheduled(fixedDelayString = "${portal.mail.send-every:30s}", initialDelayString = "${portal.mail.send-every:30s}")
	@SchedulerLock(name = "outbox-sender", lockAtMostFor = "PT10M")
	public void sendScheduled() {
		sendDue();
	}

	/** Sends what is due now. @return how many messages were sent */
	int sendDue() {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		for (long id : this.outbox.dueIds(BATCH)) {
			Boolean ok = this.transactions.execute((status) -> this.outbox.claim(id).map((due) -> send(sender, due))
				.orElse(false));
			if (Boolean.TRUE.equals(ok)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean send(JavaMailSender sender, Outbox.Due due) {
		String email = due.email();
		if (email == null || email.isBlank()) {
			this.outbox.failed(due.id(), "The recipient has no e-mail address", null);
			return false;
		}
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					"UTF-8");
			helper.setFrom(this.properties.from());
			helper.setTo(email);
			helper.setSubject(due.subject());
			helper.setText(due.text(), due.html());
			sender.send(message);
			this.outbox.sent(due.id());
			return true;
		}
		catch (MessagingException | MailException ex) {
			boolean permanent = permanent(ex);
			int attempt = due.attempts() + 1;
			@Nullable Instant retryAt = (permanent || attempt >= this.properties.maxAttempts()) ? null
					: this.clock.instant().plus(wait(attempt));
			String error = describe(ex);
			log.warn("Mail {} to {}: attempt {} failed ({}): {}", due.id(), email, attempt,
					(retryAt != null) ? "retry at " + retryAt : "given up", error);
			this.outbox.failed(due.id(), error, retryAt);
			return false;
		}
	}

	/** The wait after the given failed attempt: the first retry wait, four times longer each time, capped. */
	Duration wait(int attempt) {
		Duration wait = this.properties.firstRetry();
		for (int i = 1; i < attempt && wait.compareTo(this.properties.maxRetryWait()) < 0; i++) {
			wait = wait.multipliedBy(4);
		}
		return (wait.compareTo(this.properties.maxRetryWait()) > 0) ? this.properties.maxRetryWait() : wait;
	}

	/** An SMTP 5xx answer (to the sender, recipient or message) will not change on a retry. */
	private static boolean permanent(Exception ex) {
		Optional<Integer> code = smtpCode(ex);
		return code.isPresent() && code.get() >= 500;
	}

	private static Optional<Integer> smtpCode(@Nullable Throwable ex) {
		for (Throwable t = ex; t != null; t = next(t)) {
			// Angus's SMTPSendFailedException and SMTPAddressFailedException carry the server's answer as their
			// message ("451 4.3.0 Try again later"); the API type is enough to read its code.
			if (t instanceof SendFailedException failed && failed.getMessage() != null
					&& SMTP_ANSWER.matcher(failed.getMessage()).lookingAt()) {
				return Optional.of(Integer.valueOf(failed.getMessage().substring(0, 3)));
			}
			if (t instanceof MailSendException send) {
				for (Exception failed : send.getFailedMessages().values()) {
					Optional<Integer> inner = smtpCode(failed);
					if (inner.isPresent()) {
						return inner;
					}
				}
			}
		}
		return Optional.empty();
	}

	private static @Nullable Throwable next(Throwable t) {
		if (t instanceof MessagingException messaging && messaging.getNextException() != null
				&& messaging.getNextException() != t) {
			return messaging.getNextException();
		}
		return (t.getCause() != t) ? t.getCause() : null;
	}

	/** The innermost message of the failure, e.g. {@code 451 4.3.0 Try again later}. */
	private static String describe(Exception ex) {
		Throwable inner = ex;
		if (ex instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
			inner = send.getFailedMessages().values().iterator().next();
		}
		String text = inner.getClass().getSimpleName() + ": " + inner.getMessage();
		return (text.length() > 1000) ? text.substring(0, 1000) : text;
	}

}
