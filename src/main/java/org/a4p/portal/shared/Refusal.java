package org.a4p.portal.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.Errors;

/**
 * The one way a use case says no: a write refused because of what was asked (a field's value breaks a
 * rule: a stakeholder already endorsed, overlapping periods, a wrong current password) or because of
 * the state of things (a closed cycle, a step the entry's workflow state does not allow, nothing saved
 * yet). It names every problem found, each with a message key and, when it is about one form field,
 * that field. Nothing has been written when it is thrown: the use case's transaction rolls back.
 * <p>
 * A controller with a form adds the problems to the form's errors and shows the form again
 * ({@code web.Forms}); anywhere else the web layer's refusal advice answers with a page listing them
 * (422 when the input was at fault, 409 when the state was).
 */
public class Refusal extends RuntimeException {

	/**
	 * One problem.
	 * @param field the form field it concerns (the input's name), or {@code null} when it concerns the action
	 * @param code the message key
	 * @param args the message arguments (a {@link MessageSourceResolvable} argument is itself translated)
	 */
	public record Problem(@Nullable String field, String code, List<Object> args) {

		public Problem(@Nullable String field, String code, Object... args) {
			this(field, code, List.of(args));
		}

		public Object[] argsArray() {
			return this.args.toArray();
		}

	}

	private final List<Problem> problems;

	public Refusal(List<Problem> problems) {
		super("Refused: " + problems.stream().map(Problem::code).toList());
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("A refusal names at least one problem");
		}
		this.problems = List.copyOf(problems);
	}

	/** A field's value breaks a rule. */
	public static Refusal of(String field, String code, Object... args) {
		return new Refusal(List.of(new Problem(field, code, args)));
	}

	/** The action is not possible as things stand (not about one field). */
	public static Refusal because(String code, Object... args) {
		return new Refusal(List.of(new Problem(null, code, args)));
	}

	/** Throws when {@code problems} is not empty. */
	public static void throwIfAny(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new Refusal(new ArrayList<>(problems));
		}
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/** Whether one of the problems has this message key. */
	public boolean has(String code) {
		return this.problems.stream().anyMatch((problem) -> problem.code().equals(code));
	}

	/** Whether the input was at fault (some problem names a field), rather than the state of things. */
	public boolean aboutInput() {
		return this.problems.stream().anyMatch((problem) -> problem.field() != null);
	}

	/** Adds every problem to a form's errors: as an error of its field, or of the whole form. */
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
			if (problem.field() == null || !errors.hasFieldErrors(problem.field())) {
				reject(errors, problem);
			}
		}
	}

	private static void reject(Errors errors, Problem problem) {
		if (problem.field() != null) {
			errors.rejectValue(problem.field(), problem.code(), problem.argsArray(), problem.code());
		}
		else {
			errors.reject(problem.code(), problem.argsArray(), problem.code());
		}
	}

	@Override
	public String toString() {
		return "Refusal" + Arrays.toString(this.problems.toArray());
	}

}
