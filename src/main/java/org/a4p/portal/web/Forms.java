package org.a4p.portal.web;

import java.util.Optional;
import java.util.function.Supplier;

import org.a4p.portal.shared.DatabaseUnavailable;
import org.a4p.portal.shared.Refusal;

import org.springframework.validation.Errors;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How a controller with a form runs its use case: a {@link Refusal} the use case throws is added to the
 * form's errors (field problems on their fields, the others on the whole form), so the controller shows
 * the form again with what was typed. So is a database that does not answer ({@link DatabaseUnavailable}):
 * the form gets a form-level error ({@code unavailable.form}) and the response 503 with {@code Retry-After};
 * nothing was committed (the use case's transaction failed). Should showing the form need the database
 * too, that failure reaches {@link DatabaseOutageFilter}, whose page shows what was typed. Any other
 * failure is left to the web layer's advice.
 */
public final class Forms {

	/** The form-level error when the database did not answer. */
	static final String UNAVAILABLE = "unavailable.form";

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
		catch (RuntimeException ex) {
			if (!DatabaseUnavailable.causedBy(ex)) {
				throw ex;
			}
			errors.reject(UNAVAILABLE);
			if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
					&& current.getResponse() != null) {
				OutagePage.markUnavailable(current.getResponse());
			}
			return Optional.empty();
		}
	}

}
