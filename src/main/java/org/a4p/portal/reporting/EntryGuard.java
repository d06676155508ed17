package org.a4p.portal.reporting;

import java.util.Locale;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Refusal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Resolves an entry's address and checks the user may do what they ask, in this order: unknown codes
 * give 404; another stakeholder's unpublished entries give 403 (whether or not an entry exists, so
 * nothing leaks); a commitment that does not apply to the stakeholder in the cycle gives 404; a write
 * in a closed cycle is refused with a clear message.
 */
@Component
class EntryGuard {

	private final EntryQueries queries;

	EntryGuard(EntryQueries queries) {
		this.queries = queries;
	}

	/** The entry's context, if the user may read the stakeholder's unpublished entries. */
	EntryContext readable(PortalUser user, EntryRef ref, Locale locale) {
		EntryContext context = this.queries.context(ref, locale)
			.orElseThrow(() -> new NotFoundException("entry " + ref.path()));
		if (!EntryPermissions.mayRead(user, context.stakeholderId())) {
			throw new AccessDeniedException("Not allowed to see entries of " + context.stakeholderCode());
		}
		if (!context.applicable()) {
			throw new NotFoundException("entry " + ref.path() + " (commitment does not apply)");
		}
		return context;
	}

	/**
	 * The entry's context, if the user may write the stakeholder's entries, whatever the cycle's state
	 * (a write in a closed cycle is refused later, with its own page).
	 */
	EntryContext writer(PortalUser user, EntryRef ref, Locale locale) {
		EntryContext context = readable(user, ref, locale);
		if (!EntryPermissions.mayWrite(user, context.stakeholderId())) {
			throw new AccessDeniedException("Not allowed to write entries of " + context.stakeholderCode());
		}
		return context;
	}

	/** The entry's context, if the user may write the stakeholder's entries and the cycle is open. */
	EntryContext writable(PortalUser user, EntryRef ref) {
		EntryContext context = writer(user, ref, Locale.ENGLISH);
		requireOpen(context);
		return context;
	}

	/** The entry's context, if the user may validate or return submissions and the cycle is open. */
	EntryContext reviewable(PortalUser user, EntryRef ref) {
		EntryContext context = readable(user, ref, Locale.ENGLISH);
		if (!EntryPermissions.mayReview(user)) {
			throw new AccessDeniedException("Not allowed to review entries");
		}
		requireOpen(context);
		return context;
	}

	/** Refuses a write in a closed cycle (409, with a message saying so). */
	static void requireOpen(EntryContext context) {
		if (!context.cycle().open()) {
			throw Refusal.because("refused.cycle-closed", context.cycle().code());
		}
	}

}
