package org.a4p.portal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders the 404 page for an unknown code in a URL directly, in the reader's language, with the
 * layout's language switch (model attributes of {@link LayoutAdvice} are not added to exception
 * handlers, so they are added here).
 */
@ControllerAdvice
class NotFoundAdvice {

	private final LayoutAdvice layout;

	NotFoundAdvice(LayoutAdvice layout) {
		this.layout = layout;
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(HttpServletRequest request, Locale locale) {
		ModelAndView page = new ModelAndView("error/404");
		page.setStatus(HttpStatus.NOT_FOUND);
		page.addObject("languages", this.layout.languages(request, locale));
		page.addObject("demoData", this.layout.demoData());
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

}
