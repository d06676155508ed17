package org.a4p.portal.reporting;

import java.time.Instant;

/**
 * Secretariat staff returned an entry with a comment. Published in the returning transaction: a listener
 * that writes (the notification module queues mail) does so in it with {@code @EventListener}, so the
 * message exists exactly when the return commits.
 *
 * @param entryId the entry ({@code progress_entry.id}); its writers are in its history
 * @param entry the codes naming the entry ({@link EntryRef#path()} is its page)
 * @param stakeholderId the stakeholder whose entry it is
 * @param commitmentTitle the commitment's title in English (messages name it in their own language)
 * @param comment the return comment (plain text)
 * @param by the user name of the Secretariat staff member who returned it
 * @param at when
 */
public record EntryReturned(long entryId, EntryRef entry, long stakeholderId, String commitmentTitle, String comment,
		String by, Instant at) {
}
