package org.a4p.portal.account;

/**
 * An administrator's action that a rule forbids (e.g. disabling the last enabled administrator);
 * nothing was written. The message key says why, in the reader's language.
 */
class ActionRefused extends RuntimeException {

	private final String messageKey;

	ActionRefused(String messageKey) {
		super("Refused: " + messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}

}
