/**
 * Mail: composing messages (Thymeleaf text and HTML templates, in the recipient's language), queueing them in
 * the outbox (one per kind, recipient, subject and occasion) and sending them through SMTP when
 * {@code spring.mail.host} is set, with retries; the deadline reminders and the weekly digest (scheduled, run
 * once under a lock), the notices on return, validation and comments, each user's mail settings, signed
 * unsubscribe links, and the administrators' outbox page.
 */
@NullMarked
package org.a4p.portal.notification;

import org.jspecify.annotations.NullMarked;
