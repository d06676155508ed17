package org.a4p.portal.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The administrators' view of the outbox. */
@Component
class OutboxQueries {

	/** The newest messages shown on the list (filters narrow it). */
	static final int LIMIT = 200;

	record Row(long id, Instant createdAt, MailKind kind, String recipient, @Nullable String email, String subject,
			String state, int attempts) {
	}

	record Message(long id, MailKind kind, String recipient, @Nullable String email, String language, String subject,
			String text, String html, String link, String state, int attempts, Instant createdAt,
			@Nullable Instant sentAt, Instant nextAttemptAt, @Nullable String lastError) {
	}

	private final JdbcClient jdbc;

	OutboxQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Row> list(@Nullable String state, @Nullable MailKind kind) {
		return this.jdbc.sql("""
				select m.id, m.created_at, m.kind, u.username, m.recipient_email, m.subject, m.state, m.attempts
				from outbox_message m join app_user u on u.id = m.recipient_id
				where (cast(:state as text) is null or m.state = :state) and (cast(:kind as text) is null or m.kind = :kind)
				order by m.created_at desc, m.id desc limit :limit
				""")
			.param("state", state)
			.param("kind", (kind != null) ? kind.name() : null)
			.param("limit", LIMIT)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
					MailKind.valueOf(rs.getString("kind")), rs.getString("username"), rs.getString("recipient_email"),
					rs.getString("subject"), rs.getString("state"), rs.getInt("attempts")))
			.list();
	}

	Optional<Message> message(long id) {
		return this.jdbc.sql("""
				select m.*, u.username from outbox_message m join app_user u on u.id = m.recipient_id where m.id = ?
				""").param(id).query((rs, n) -> {
			java.sql.Timestamp sent = rs.getTimestamp("sent_at");
			return new Message(rs.getLong("id"), MailKind.valueOf(rs.getString("kind")), rs.getString("username"),
					rs.getString("recipient_email"), rs.getString("language"), rs.getString("subject"),
					rs.getString("body_text"), rs.getString("body_html"), rs.getString("link"), rs.getString("state"),
					rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
					(sent != null) ? sent.toInstant() : null, rs.getTimestamp("next_attempt_at").toInstant(),
					rs.getString("last_error"));
		}).optional();
	}

}
