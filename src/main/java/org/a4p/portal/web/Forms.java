package org.a4p.portal.web;

import java.util.Optional;
import java.util.function.Supplier;

import org.a4p.portal.shared.Refusal;

import org.springframework.validation.Errors;

/**
 * How a controller with a form runs its use case: a {@link Refusal} the use case throws is added to the
 * form's errors (field problems on their fields, the others on the whole form), so the controller shows
 * the form again with what was typed; any other failure is left to the web layer's advice.
 */
public final class Forms {

	private Forms() {
	}

	/** Runs {@code write}; whether it was done (false: refused, the problems are in {@code errors}). */
	public static boolean attempt(Errors errors, Runnable write) {
		return attempt(errors, () -> {
			write.run();
			return Boolean.TRUE;
		}).isPresent();
	}

	/** Runs {@code write} and gives its result; empty when refused (the problems are in {@code errors}). */
	public static <T> Optional<T> attempt(Errors errors, Supplier<T> write) {
		try {
			return Optional.of(write.get());
		}
		catch (Refusal refusal) {
			refusal.addTo(errors);
			return Optional.empty();
		}
	}

}
