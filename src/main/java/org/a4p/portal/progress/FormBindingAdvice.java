package org.a4p.portal.progress;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Forms of the progress pages: a request naming inputs no page has (an evidence row far beyond those
 * offered, a row index that is not a number) is answered 400, not a server error.
 */
@ControllerAdvice(assignableTypes = { EntryController.class, ReviewController.class })
class FormBindingAdvice {

	/** Rows a form may send at most; the page offers at most {@link EntryForm#MAX_LINKS} plus errors to correct. */
	static final int MAX_ROWS = 50;

	@InitBinder("entryForm")
	void limitRows(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(MAX_ROWS);
	}

	@ExceptionHandler(InvalidPropertyException.class)
	void badForm(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

}
