package org.a4p.portal.conversation;

import java.util.Objects;
import java.util.Optional;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.account.Role;
import org.a4p.portal.reporting.EntrySubject;

/**
 * Who takes part in an entry's thread: the delegates of the entry's state (when it is a Member State's) and
 * Secretariat staff. Everyone who may read the entry reads its thread (administrators too, read-only); the
 * reading checks are the entry's own ({@code EntryAccess}).
 */
final class Threads {

	private Threads() {
	}

	/** The side the user posts from; empty when they may only read (an administrator). */
	static Optional<Side> sideOf(PortalUser user, EntrySubject entry) {
		if (user.is(Role.SECRETARIAT)) {
			return Optional.of(Side.SECRETARIAT);
		}
		if (user.is(Role.DELEGATE) && Objects.equals(user.stakeholderId(), entry.stakeholderId())) {
			return Optional.of(Side.STATE);
		}
		return Optional.empty();
	}

}
