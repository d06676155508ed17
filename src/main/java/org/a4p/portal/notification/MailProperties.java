package org.a4p.portal.notification;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Mail settings ({@code portal.mail.*}; the SMTP server itself is Boot's {@code spring.mail.*}).
 *
 * @param from the sender address of every message
 * @param unsubscribeSecret the key signing unsubscribe links (at least 32 characters); when not set, one is
 *        generated on the first start and kept in the database ({@code notification_secret})
 * @param maxAttempts attempts to send a message before it ends {@code FAILED}
 * @param firstRetry the wait after the first failed attempt; each further wait is four times the previous,
 *        at most {@code maxRetryWait}
 * @param maxRetryWait the longest wait between two attempts
 * @param sendEvery how often the sender looks for messages due (only when SMTP is configured)
 * @param remindersCron when the deadline reminders are queued (UTC)
 * @param digestCron when the weekly digest is queued (UTC)
 */
@Validated
@ConfigurationProperties("portal.mail")
public record MailProperties(@DefaultValue("A4P commitments portal <no-reply@localhost>") @NotBlank String from,
		@Nullable String unsubscribeSecret, @DefaultValue("6") @Min(1) int maxAttempts,
		@DefaultValue("1m") Duration firstRetry, @DefaultValue("6h") Duration maxRetryWait,
		@DefaultValue("30s") Duration sendEvery, @DefaultValue("0 0 6 * * *") String remindersCron,
		@DefaultValue("0 0 6 * * MON") String digestCron) {
}
