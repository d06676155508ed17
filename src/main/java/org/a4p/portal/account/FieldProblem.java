package org.a4p.portal.account;

import java.util.List;

/**
 * What is wrong with one field of a form: the field's name and a message key (with its arguments),
 * which the controller turns into a field error of the form.
 */
record FieldProblem(String field, String messageKey, List<Object> args) {

	FieldProblem(String field, String messageKey) {
		this(field, messageKey, List.of());
	}

}
