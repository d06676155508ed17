package org.a4p.portal.reporting;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The entry changed since the writer loaded it (their form carries an older version, or no version
 * while an entry now exists): nothing is written. A save shows the writer both versions; any other step
 * gets the web layer's "it changed since you opened it" page, as for any stale version.
 */
class EntryConflictException extends OptimisticLockingFailureException {

	EntryConflictException() {
		super("The entry was changed by someone else");
	}

}
