package org.a4p.portal.notification;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Composes and queues one message for one recipient, unless they do not receive this kind (disabled, or
 * opted out of an optional kind) or the same message (kind, recipient, subject, occasion) is already queued.
 * Optional messages carry a signed unsubscribe link.
 */
@Component
class Notifier {

	private final MailComposer composer;

	private final Outbox outbox;

	private final UnsubscribeTokens tokens;

	private final PortalAddress address;

	Notifier(MailComposer composer, Outbox outbox, UnsubscribeTokens tokens, PortalAddress address) {
		this.composer = composer;
		this.outbox = outbox;
		this.tokens = tokens;
		this.address = address;
	}

	/**
	 * @param about what the message is about, for the once-only key (an entry's path, a cycle's code)
	 * @param occasion which occasion of it (a reminder's day, a return's time)
	 * @param path the portal page the message links to
	 * @return whether a message was queued now
	 */
	boolean send(MailKind kind, Recipient to, String about, String occasion, String path, Object[] subjectArgs,
			Map<String, ?> variables) {
		if (!to.receives(kind) || this.outbox.exists(kind, to.id(), about, occasion)) {
			return false;
		}
		String link = this.address.url(path);
		@Nullable String unsubscribe = kind.optional()
				? this.address.url("/unsubscribe?t=" + this.tokens.token(to.id(), kind)) : null;
		MailComposer.Composed content = this.composer.compose(kind, to, subjectArgs, link, unsubscribe, variables);
		return this.outbox.queue(new Outbox.Draft(kind, to, about, occasion, content, link));
	}

}
