package org.a4p.portal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.validation.Errors;

/**
 * A write refused because it breaks a business rule (a stakeholder already endorsed, overlapping
 * periods...). Use cases check their rules and throw this with every problem found, each tied to
 * the form field it concerns and a message key; controllers add them to the form's errors and show
 * the form again. Nothing has been written when it is thrown: the use case's transaction rolls back.
 */
public class RuleViolation extends RuntimeException {

	/**
	 * One broken rule.
	 * @param field the form field it concerns (the input's id)
	 * @param code the message key
	 * @param args the message arguments
	 */
	public record Problem(String field, String code, List<Object> args) {

		public Problem(String field, String code, Object... args) {
			this(field, code, List.of(args));
		}

		public Object[] argsArray() {
			return this.args.toArray();
		}

	}

	private final List<Problem> problems;

	public RuleViolation(List<Problem> problems) {
		super("Refused: " + problems.stream().map(Problem::code).toList());
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("A rule violation names at least one problem");
		}
		this.problems = List.copyOf(problems);
	}

	public static RuleViolation of(String field, String code, Object... args) {
		return new RuleViolation(List.of(new Problem(field, code, args)));
	}

	/** Throws when {@code problems} is not empty. */
	public static void throwIfAny(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new RuleViolation(new ArrayList<>(problems));
		}
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/** Whether one of the problems has this message key. */
	public boolean has(String code) {
		return this.problems.stream().anyMatch((problem) -> problem.code().equals(code));
	}

	/** Adds every problem to a form's errors, as an error of its field. */
	public void addTo(Errors errors) {
		for (Problem problem : this.problems) {
			reject(errors, problem);
		}
	}

	/**
	 * Adds the problems of fields that have no error yet: a form that failed Bean Validation also
	 * shows what the rules say about its other fields, one message a field.
	 */
	public static void addToFieldsWithoutErrors(List<Problem> problems, Errors errors) {
		for (Problem problem : problems) {
			if (!errors.hasFieldErrors(problem.field())) {
				reject(errors, problem);
			}
		}
	}

	private static void reject(Errors errors, Problem problem) {
		errors.rejectValue(problem.field(), problem.code(), problem.argsArray(), problem.code());
	}

	@Override
	public String toString() {
		return "RuleViolation" + Arrays.toString(this.problems.toArray());
	}

}
