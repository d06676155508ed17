package org.a4p.portal.reporting;

import java.util.Locale;

import org.a4p.portal.account.PortalUser;

import org.springframework.stereotype.Component;

/**
 * Resolves an entry's address for another module, with the entry page's checks in the same order: unknown
 * codes give 404, another stakeholder's unpublished entries 403, a commitment that does not apply 404.
 */
@Component
public class EntryAccess {

	private final EntryGuard guard;

	private final EntryQueries queries;

	EntryAccess(EntryGuard guard, EntryQueries queries) {
		this.guard = guard;
		this.queries = queries;
	}

	/** The entry's address, if the user may read the stakeholder's unpublished entries. */
	public EntrySubject readable(PortalUser user, EntryRef ref, Locale locale) {
		EntryContext context = this.guard.readable(user, ref, locale);
		return context.subject(this.queries.entryId(context));
	}

}
