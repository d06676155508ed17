package org.a4p.portal.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.a4p.portal.shared.Refusal;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

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

	/**
	 * A form that has no object of its own (the sign-in page, a file upload): puts an empty one in the
	 * model under {@code name}, with its errors, so that the page's field fragments and error summary
	 * ({@code fragments/fields}) work as for any other form.
	 * @return the form's errors, to reject its fields with message keys
	 */
	public static Errors unbound(Model model, String name) {
		Map<String, Object> values = new HashMap<>();
		MapBindingResult errors = new MapBindingResult(values, name);
		model.addAttribute(name, values);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, errors);
		return errors;
	}

}
