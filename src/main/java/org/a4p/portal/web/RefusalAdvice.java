package org.a4p.portal.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.shared.BadRequestException;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Refusal;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place where a refused write, a stale version and "not found" become pages, in the reader's
 * language and with the layout: a {@link Refusal} that no form took (422 when the input was at fault,
 * 409 when the state of things was), an {@link OptimisticLockingFailureException} not shown as a conflict
 * page with both versions (409: "it changed since you opened it"), a {@link NotFoundException} (404), a
 * {@link BadRequestException} (400, naming the parameter at fault).
 * Controllers catch none of these unless they show a form again.
 */
@ControllerAdvice
class RefusalAdvice {

	static final String REFUSED_VIEW = "refused";

	private final LayoutAdvice layout;

	private final MessageSource messages;

	RefusalAdvice(LayoutAdvice layout, MessageSource messages) {
		this.layout = layout;
		this.messages = messages;
	}

	@ExceptionHandler(Refusal.class)
	ModelAndView refused(Refusal refusal, HttpServletRequest request, Locale locale) {
		ModelAndView page = new ModelAndView(REFUSED_VIEW);
		page.setStatus(refusal.aboutInput() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.CONFLICT);
		List<String> reasons = refusal.problems()
			.stream()
			.map((problem) -> this.messages.getMessage(
					new DefaultMessageSourceResolvable(new String[] { problem.code() }, problem.argsArray(), problem.code()),
					locale))
			.toList();
		page.addObject("reasons", reasons);
		page.addObject("backHref", backHref(request));
		this.layout.addTo(page, request, locale);
		return page;
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ModelAndView changed(HttpServletRequest request, Locale locale) {
		return refused(Refusal.because("refused.changed"), request, locale);
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(HttpServletRequest request, Locale locale) {
		ModelAndView page = new ModelAndView("error/404");
		page.setStatus(HttpStatus.NOT_FOUND);
		this.layout.addTo(page, request, locale);
		return page;
	}

	@ExceptionHandler(BadRequestException.class)
	ModelAndView badParameter(BadRequestException ex, HttpServletRequest request, Locale locale) {
		ModelAndView page = new ModelAndView("error/bad-parameter");
		page.setStatus(HttpStatus.BAD_REQUEST);
		page.addObject("parameter", ex.parameter());
		this.layout.addTo(page, request, locale);
		return page;
	}

	/**
	 * An id in the address that is not a number (or too large, as {@code /admin/cycles/abc}) names
	 * nothing: 404, as an unknown one. Another parameter of the wrong type stays a 400 (rethrown, the
	 * default handling takes it).
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView unreadablePathVariable(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
			Locale locale) {
		if (!ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			throw ex;
		}
		return notFound(request, locale);
	}

	/**
	 * A form naming inputs no page has (an evidence row far beyond those offered, a row index that is not
	 * a number) is a bad request, not a server error.
	 */
	@ExceptionHandler(InvalidPropertyException.class)
	void badForm(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

	/** Where "go back" leads: the page the refused form was on (same site only), else the home page. */
	static String backHref(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				URI uri = URI.create(referer);
				if (request.getServerName().equalsIgnoreCase(uri.getHost()) && uri.getRawPath() != null
						&& uri.getRawPath().startsWith("/")) {
					return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
				}
			}
			catch (IllegalArgumentException ex) {
				// not an address: no link back to it
			}
		}
		return "/";
	}

}
