package org.a4p.portal.progress;

/**
 * The entry changed since the writer loaded it (their form carries an older version, or no version
 * while an entry now exists): nothing is written, and the writer is shown both versions.
 */
class EntryConflictException extends RuntimeException {

	EntryConflictException() {
		super("The entry was changed by someone else");
	}

}
