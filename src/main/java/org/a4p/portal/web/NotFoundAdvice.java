package org.a4p.portal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
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
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ModelAndView notFound(HttpServletRequest request, Locale locale) {
		ModelAndView page = new ModelAndView("error/404");
		page.addObject("languages", this.layout.languages(request, locale));
		page.addObject("demoData", this.layout.demoData());
		return page;
	}

}
