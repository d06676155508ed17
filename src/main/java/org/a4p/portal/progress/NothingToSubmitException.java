package org.a4p.portal.progress;

/** Submit, validate or return asked for an entry that has not been saved yet: answered with 409. */
class NothingToSubmitException extends RuntimeException {

	NothingToSubmitException() {
		super("No entry saved yet");
	}

}
