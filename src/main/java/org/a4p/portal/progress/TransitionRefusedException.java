package org.a4p.portal.progress;

/** A workflow step the entry's current state does not allow (e.g. validating a draft): answered with 409. */
class TransitionRefusedException extends RuntimeException {

	private final WorkflowState current;

	TransitionRefusedException(WorkflowState current) {
		super("Not allowed in state " + current);
		this.current = current;
	}

	WorkflowState current() {
		return this.current;
	}

}
