package org.a4p.portal.account;

import java.util.List;

/** A use case refused its input before writing anything; the form is shown again with these problems. */
class InputRejected extends RuntimeException {

	private final List<FieldProblem> problems;

	InputRejected(List<FieldProblem> problems) {
		super("Input rejected: " + problems);
		this.problems = List.copyOf(problems);
	}

	List<FieldProblem> problems() {
		return this.problems;
	}

}
