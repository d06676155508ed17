package org.a4p.portal.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code outbox_message} table: queueing a message once per (kind, recipient, subject, occasion), and the
 * sender's steps (claim a due message, record it sent or failed).
 */
@Component
class Outbox {

	/** A message to queue, rendered. */
	record Draft(MailKind kind, Recipient to, String about, String occasion, MailComposer.Composed content,
			String link) {
	}

	/** A message the sender holds. */
	record Due(long id, @Nullable String email, String subject, String text, String html, int attempts) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Outbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether this message was already queued (in any state). */
	boolean exists(MailKind kind, long recipientId, String about, String occasion) {
		return this.jdbc.sql("""
				select exists (select 1 from outbox_message
				               where kind = ? and recipient_id = ? and subject_key = ? and occasion = ?)
				""").params(kind.name(), recipientId, about, occasion).query(Boolean.class).single();
	}

	/**
	 * Queues the message in the caller's transaction (or its own), unless the same one is already there.
	 * @return whether it was queued now
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	boolean queue(Draft draft) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				insert into outbox_message (kind, recipient_id, recipient_email, language, subject_key, occasion,
				                            subject, body_text, body_html, link, next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict on constraint outbox_message_once do nothing
				""")
			.params(draft.kind().name(), draft.to().id(), draft.to().email(), draft.to().language().getLanguage(),
					draft.about(), draft.occasion(), draft.content().subject(), draft.content().text(),
					draft.content().html(), draft.link(), java.sql.Timestamp.from(now), java.sql.Timestamp.from(now))
			.update() == 1;
	}

	/** Ids of queued messages whose next attempt is due, oldest first. */
	List<Long> dueIds(int limit) {
		return this.jdbc.sql("""
				select id from outbox_message where state = 'QUEUED' and next_attempt_at <= ?
				order by next_attempt_at, id limit ?
				""").params(java.sql.Timestamp.from(this.clock.instant()), limit).query(Long.class).list();
	}

	/**
	 * The message, locked for the caller's transaction, if it is still queued and due and no other sender
	 * holds it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Due> claim(long id) {
		return this.jdbc.sql("""
				select id, recipient_email, subject, body_text, body_html, attempts from outbox_message
				where id = ? and state = 'QUEUED' and next_attempt_at <= ?
				for update skip locked
				""")
			.params(id, java.sql.Timestamp.from(this.clock.instant()))
			.query((rs, row) -> new Due(rs.getLong("id"), rs.getString("recipient_email"), rs.getString("subject"),
					rs.getString("body_text"), rs.getString("body_html"), rs.getInt("attempts")))
			.optional();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void sent(long id) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update outbox_message set state = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null
				where id = ?
				""").params(java.sql.Timestamp.from(now), id).update();
	}

	/**
	 * Records a failed attempt: queued again for {@code retryAt}, or {@code FAILED} for good when
	 * {@code retryAt} is {@code null}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void failed(long id, String error, @Nullable Instant retryAt) {
		this.jdbc.sql("""
				update outbox_message
				set attempts = attempts + 1, last_error = ?, state = case when ? then 'QUEUED' else 'FAILED' end,
				    next_attempt_at = coalesce(?, next_attempt_at)
				where id = ?
				""")
			.params(error, retryAt != null, (retryAt != null) ? java.sql.Timestamp.from(retryAt) : null, id)
			.update();
	}

}
