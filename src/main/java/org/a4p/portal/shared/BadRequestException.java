package org.a4p.portal.shared;

/**
 * A request parameter is not in a form the portal understands (a reporting cycle's code with characters
 * no code has, a publication number that is not a number). The web layer answers with a 400 page in the
 * reader's language that names the parameter; a well-formed value that names nothing is a
 * {@link NotFoundException} instead.
 */
public class BadRequestException extends RuntimeException {

	private final String parameter;

	/** @param parameter the request parameter at fault, as it is written in the address (e.g. {@code cycle}) */
	public BadRequestException(String parameter) {
		super("Malformed request parameter: " + parameter);
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

}
