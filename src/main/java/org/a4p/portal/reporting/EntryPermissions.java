package org.a4p.portal.reporting;

import java.util.Objects;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.account.Role;

/**
 * Who may do what with progress entries (product brief section 5): Secretariat staff write for any
 * stakeholder (the Secretariat's own entries, and on behalf of states and organizations) and review;
 * a delegate reads, writes and submits their own state's entries only; administrators read every
 * stakeholder's entries but do not report or review (read-only: the security configuration lets them
 * GET {@code /entries/**} only, and these checks refuse their writes too).
 */
final class EntryPermissions {

	private EntryPermissions() {
	}

	/** May see the stakeholder's drafts and submissions (not only what is published). */
	static boolean mayRead(PortalUser user, long stakeholderId) {
		return user.maySeeUnpublishedOf(stakeholderId);
	}

	/** May save drafts and submit them for the stakeholder. */
	static boolean mayWrite(PortalUser user, long stakeholderId) {
		return switch (user.role()) {
			case SECRETARIAT -> true;
			case DELEGATE -> Objects.equals(user.stakeholderId(), stakeholderId);
			case ADMIN -> false;
		};
	}

	/** May validate or return submissions. */
	static boolean mayReview(PortalUser user) {
		return user.is(Role.SECRETARIAT);
	}

	/** Whether an entry this user writes is shown as "entered by the Secretariat" (for a state or organization). */
	static boolean writesOnBehalf(PortalUser user, EntryContext context) {
		return user.is(Role.SECRETARIAT) && !context.isSecretariat();
	}

}
