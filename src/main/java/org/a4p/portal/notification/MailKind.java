package org.a4p.portal.notification;

/**
 * What a message is about. Reminders and the digest are optional: each user may turn them off in
 * {@code /account/messages} or with a message's unsubscribe link. Returns, validations and comments are
 * not optional: they answer the user's own work, and come only when it changes.
 */
enum MailKind {

	REMINDER(true), RETURNED(false), VALIDATED(false), COMMENT(false), DIGEST(true);

	private final boolean optional;

	MailKind(boolean optional) {
		this.optional = optional;
	}

	boolean optional() {
		return this.optional;
	}

	/** The template of its messages: {@code mail/<name>.txt} and {@code .html}. */
	String template() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The message key of its name. */
	public String messageKey() {
		return "mail.kind." + name();
	}

}
