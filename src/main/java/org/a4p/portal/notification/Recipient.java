package org.a4p.portal.notification;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A user as mail sees them: where to write, in which language, and what they chose to receive.
 *
 * @param language the language of their messages: chosen, else the one they last signed in with, else English
 */
record Recipient(long id, String username, String displayName, @Nullable String email, boolean enabled,
		Locale language, boolean reminders, boolean digest) {

	/** Whether they receive messages of this kind at all (a disabled account receives nothing). */
	boolean receives(MailKind kind) {
		if (!this.enabled) {
			return false;
		}
		return switch (kind) {
			case REMINDER -> this.reminders;
			case DIGEST -> this.digest;
			default -> true;
		};
	}

}
