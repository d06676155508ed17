package org.a4p.portal.shared;

/**
 * What was asked for does not exist (an unknown code or id in an address, an entry for a commitment that
 * does not apply). Thrown by use cases and queries; the web layer answers with the 404 page in the
 * reader's language.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super("Not found: " + what);
	}

}
