package org.a4p.portal.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.a4p.portal.shared.Refusal;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.servlet.ModelAndView;

/**
 * How a controller with a form runs its use case. The use case runs only when the form passed Bean
 * Validation; a {@link Refusal} it throws is added to the form's errors (field problems on their fields,
 * the others on the whole form), so the controller shows the form again with what was typed. Any other
 * failure is left to the web layer's advice ({@code RefusalAdvice}), except a stale version of an edit
 * form, which {@link #edit} answers with the page showing both versions.
 */
public final class Forms {

	private Forms() {
	}

	/** Runs {@code write} unless the form has errors; whether it was done (false: the problems are in {@code errors}). */
	public static boolean attempt(Errors errors, Runnable write) {
		return attempt(errors, () -> {
			write.run();
			return Boolean.TRUE;
		}).isPresent();
	}

	/**
	 * Runs {@code write} unless the form has errors, and gives its result; empty when the form had errors or
	 * the use case refused (the problems are in {@code errors}).
	 */
	public static <T> Optional<T> attempt(Errors errors, Supplier<T> write) {
		if (errors.hasErrors()) {
			return Optional.empty();
		}
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

	/**
	 * As {@link #attempt(Errors, Supplier)}, for a form whose rules the use case can check before writing: when the form failed Bean
	 * Validation, what the rules say about its other fields is shown too ({@code rules}, read-only), so
	 * the person sees every problem at once.
	 */
	public static <T> Optional<T> attempt(Errors errors, Supplier<T> write, Supplier<List<Refusal.Problem>> rules) {
		if (errors.hasErrors()) {
			Refusal.addToFieldsWithoutErrors(rules.get(), errors);
			return Optional.empty();
		}
		return attempt(errors, write);
	}

	/**
	 * Runs an edit of a record at the version its editor saw.
	 * @param write the use case; it throws {@link OptimisticLockingFailureException} when the record changed since
	 * @param done what the controller answers when it was done (a redirect with a {@link Flash} message)
	 * @param conflict the page showing what the editor sent beside the record as it is now (see {@link ConflictPage})
	 * @param view the form's view, shown again when the form or the use case refused
	 */
	public static <T> Object edit(VersionedForm form, Errors errors, Supplier<T> write, Function<T, String> done,
			Supplier<ModelAndView> conflict, String view) {
		form.requireVersion(errors);
		try {
			return attempt(errors, write).<Object>map(done).orElse(view);
		}
		catch (OptimisticLockingFailureException stale) {
			return conflict.get();
		}
	}

}
