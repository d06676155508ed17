package org.a4p.portal.reporting;

import org.jspecify.annotations.Nullable;

/**
 * An entry's address as resolved for a reader who may see it: what other modules (the conversation on the
 * entry) need to show or attach something to it. The entry itself may not exist yet.
 *
 * @param ref the codes of its address
 * @param cycleId the reporting cycle's id
 * @param stakeholderId the stakeholder's id (a delegate of this stakeholder is on the state's side)
 * @param commitmentId the commitment's id
 * @param stakeholderName the stakeholder's name in the reader's language
 * @param memberState whether the stakeholder is a Member State (it has delegates)
 * @param cycleOpen whether the cycle is open (a closed cycle is read-only)
 * @param entryId the saved entry's id; {@code null} when nothing has been saved yet
 */
public record EntrySubject(EntryRef ref, long cycleId, long stakeholderId, long commitmentId, String stakeholderName,
		boolean memberState, boolean cycleOpen, @Nullable Long entryId) {
}
