package org.a4p.portal.reporting;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The entry form binds at most {@link #MAX_ROWS} evidence rows: a request naming a row far beyond those
 * offered is a bad request (400, by the web layer's refusal advice), not a list grown without end.
 */
@ControllerAdvice
class FormBindingAdvice {

	/** Rows a form may send at most; the page offers at most {@link EntryForm#MAX_LINKS} plus errors to correct. */
	static final int MAX_ROWS = 50;

	@InitBinder("entryForm")
	void limitRows(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(MAX_ROWS);
	}

}
