package org.a4p.portal.reporting;

import java.time.Instant;

/**
 * Secretariat staff validated an entry: its status is now the published one. Published in the validating
 * transaction (see {@link EntryReturned} on listening).
 *
 * @param entryId the entry ({@code progress_entry.id}); its writers are in its history
 * @param entry the codes naming the entry ({@link EntryRef#path()} is its page)
 * @param stakeholderId the stakeholder whose entry it is
 * @param by the user name of the Secretariat staff member who validated it
 * @param at when
 */
public record EntryValidated(long entryId, EntryRef entry, long stakeholderId, String by, Instant at) {
}
