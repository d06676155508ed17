package org.a4p.portal.operations;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Every request has an id: taken from an {@code X-Request-Id} header set by a trusted proxy (one named
 * by {@code server.tomcat.remoteip.internal-proxies}, none by default) when it is 1 to 64 letters,
 * digits, {@code .}, {@code _} or {@code -}; else made here. It is in the MDC as {@value #MDC_KEY}
 * while the request is handled (every log line), a request attribute, and the response's
 * {@value #HEADER} header. Error pages show it as their reference, so a reader's report leads to the
 * log lines of their request.
 */
public final class RequestIds {

	/** The request and response header. */
	public static final String HEADER = "X-Request-Id";

	/** The key in the logging MDC (a field of its own in structured logs). */
	public static final String MDC_KEY = "requestId";

	/** The request attribute holding the id. */
	public static final String ATTRIBUTE = RequestIds.class.getName();

	private RequestIds() {
	}

	/** The id of this request; {@code null} outside the servlet container (MockMvc). */
	public static @Nullable String of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof String id) ? id : null;
	}

}
