package org.a4p.portal.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests no page can answer, turned away in one place before anything else reads them (ahead of
 * the page cache, Spring Security and MVC):
 * <ul>
 * <li>a NUL character (U+0000) in any query parameter or form field, name or value: PostgreSQL cannot
 * store it in text, so every page would fail on it in its own way; here it is a 400 page that says
 * why, in the reader's language ({@code error/400}). The query string is checked on every request
 * (a search for {@code %00}, nothing when there is none); form fields of requests with a body. The
 * files of a multipart upload are not form fields: what reads them checks them (the endorsement
 * import refuses a NUL in its preview);</li>
 * <li>{@code /error} asked for directly: it is where failed requests are forwarded, not a page (404).</li>
 * </ul>
 */
final class RequestChecks extends OncePerRequestFilter {

	/** Request attribute telling the error page why a request was refused. */
	static final String REFUSED_BECAUSE = RequestChecks.class.getName() + ".reason";

	/** The reason when a parameter held U+0000. */
	static final String NUL = "nul";

	static final String ERROR_PATH = "/error";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (ERROR_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		if (hasNul(request)) {
			request.setAttribute(REFUSED_BECAUSE, NUL);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean hasNul(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query != null && (query.contains("%00") || query.indexOf('\0') >= 0)) {
			return true;
		}
		if (!hasFormBody(request)) {
			return false;
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (parameter.getKey().indexOf('\0') >= 0) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (value != null && value.indexOf('\0') >= 0) {
					return true;
				}
			}
		}
		return false;
	}

	/** A urlencoded body: its fields are parameters. (Multipart bodies are left to what reads their parts.) */
	private static boolean hasFormBody(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && MediaType.APPLICATION_FORM_URLENCODED_VALUE
			.equalsIgnoreCase(contentType.split(";", 2)[0].strip());
	}

}
