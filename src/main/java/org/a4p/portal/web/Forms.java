package org.a4p.portal.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.shared.DatabaseUnavailable;
import org.a4p.portal.shared.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * How a controller with a form runs its use case. The use case runs only when the form passed Bean
 * Validation; a {@link Refusal} it throws is added to the form's errors (field problems on their fields,
 * the others on the whole form), so the controller shows the form again with what was typed. So is a
 * database that does not answer ({@link DatabaseUnavailable}): the form gets a form-level error
 * ({@code unavailable.form}) and the response 503 with {@code Retry-After}; nothing was committed. A refused
 * form answers 422 (a field at fault) or 409 (only the state of things), never 200. Should
 * showing the form need the database too, that failure reaches {@link DatabaseOutageFilter}, whose page shows
 * what was typed. Any other failure is left to the web layer's advice ({@code RefusalAdvice}), except a stale
 * version of an edit form, which {@link #edit} answers with the page showing both versions.
 */
public final class Forms {

	/** The form-level error when the database did not answer. */
	static final String UNAVAILABLE = "unavailable.form";

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
			return refused(errors);
		}
		try {
			return Optional.of(write.get());
		}
		catch (Refusal refusal) {
			refusal.addTo(errors);
			return refused(errors);
		}
		catch (RuntimeException ex) {
			if (!DatabaseUnavailable.causedBy(ex)) {
				throw ex;
			}
			errors.reject(UNAVAILABLE);
			HttpServletResponse response = currentResponse();
			if (response != null) {
				OutagePage.markUnavailable(response);
			}
			return Optional.empty();
		}
	}

	/**
	 * The form is shown again with its problems, and the response says it was refused: 422 when a field was at
	 * fault, 409 when only the state of things was (as {@code RefusalAdvice} answers a refusal no form took).
	 */
	private static <T> Optional<T> refused(Errors errors) {
		answerRefused(errors.hasFieldErrors());
		return Optional.empty();
	}

	/**
	 * For a controller that refuses without a use case (an upload that is missing or too large, a file whose
	 * rows have problems): the response says so, 422 when the input was at fault, 409 when the state of things
	 * was, unless a status of refusal (a 503, say) is already set.
	 */
	public static void answerRefused(boolean inputAtFault) {
		HttpServletResponse response = currentResponse();
		if (response != null && response.getStatus() < 400) {
			response.setStatus(inputAtFault ? HttpStatus.UNPROCESSABLE_CONTENT.value() : HttpStatus.CONFLICT.value());
		}
	}

	/** {@link #unbound} with one field error, and the response 422: an upload form refused before any use case. */
	public static void reject(Model model, String name, String field, String code, Object... args) {
		unbound(model, name).rejectValue(field, code, args, null);
		answerRefused(true);
	}

	private static @Nullable HttpServletResponse currentResponse() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current)
				? current.getResponse() : null;
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
	 * As {@link #attempt(Errors, Supplier)}, for a form whose rules the use case can check before writing:
	 * when the form failed Bean Validation, what the rules say about its other fields is shown too ({@code rules}, read-only), so
	 * the person sees every problem at once.
	 */
	public static <T> Optional<T> attempt(Errors errors, Supplier<T> write, Supplier<List<Refusal.Problem>> rules) {
		if (errors.hasErrors()) {
			Refusal.addToFieldsWithoutErrors(rules.get(), errors);
			return refused(errors);
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
