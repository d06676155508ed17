package org.a4p.portal.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import org.a4p.portal.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's mail settings ({@code notification_setting}): changed by the user in {@code /account/messages}, an
 * optional kind turned off by an unsubscribe link, and the language of their last sign-in remembered.
 */
@Service
class MessageSettings {

	/** What the user chose. @param language a mail language code, or {@code null} for the last sign-in's */
	record Command(long userId, @Nullable String language, boolean reminders, boolean digest) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	MessageSettings(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional
	void change(Command command) {
		String language = (command.language() != null && MailLanguages.CODES.contains(command.language()))
				? command.language() : null;
		this.jdbc.sql("""
				insert into notification_setting (user_id, language, reminders, digest)
				select id, ?, ?, ? from app_user where id = ?
				on conflict (user_id) do update set language = excluded.language, reminders = excluded.reminders,
				                                    digest = excluded.digest
				""").params(language, command.reminders(), command.digest(), command.userId()).update();
		Map<String, @Nullable Object> after = new LinkedHashMap<>();
		after.put("language", language);
		after.put("reminders", command.reminders());
		after.put("digest", command.digest());
		this.audit.record("MAIL_SETTINGS_CHANGED", "app_user", command.userId(), "Mail settings changed", null, after);
	}

	/** Turns one optional kind off, as an unsubscribe link asks (signed out: the audit row names no actor). */
	@Transactional
	void unsubscribe(long userId, MailKind kind) {
		String column = switch (kind) {
			case REMINDER -> "reminders";
			case DIGEST -> "digest";
			default -> throw new IllegalArgumentException("Not optional: " + kind);
		};
		int changed = this.jdbc.sql("insert into notification_setting (user_id, " + column + ") "
				+ "select id, false from app_user where id = ? "
				+ "on conflict (user_id) do update set " + column + " = false").param(userId).update();
		if (changed > 0) {
			this.audit.record("MAIL_UNSUBSCRIBED", "app_user", userId, "Unsubscribed from " + kind.name(), null,
					Map.of(column, false));
		}
	}

	/** Remembers the language a user signed in with (the default language of their messages). */
	@Transactional
	void signedInWith(long userId, @Nullable String language) {
		if (language == null) {
			return;
		}
		this.jdbc.sql("""
				insert into notification_setting (user_id, last_language) values (?, ?)
				on conflict (user_id) do update set last_language = excluded.last_language
				""").params(userId, language).update();
	}

	/** The stored choices (defaults when none). */
	Command current(long userId) {
		return this.jdbc.sql("select language, reminders, digest from notification_setting where user_id = ?")
			.param(userId)
			.query((rs, n) -> new Command(userId, rs.getString("language"), rs.getBoolean("reminders"),
					rs.getBoolean("digest")))
			.optional()
			.orElse(new Command(userId, null, true, true));
	}

}
