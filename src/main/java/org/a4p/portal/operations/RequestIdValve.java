package org.a4p.portal.operations;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import org.apache.catalina.Globals;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Gives each request its id ({@link RequestIds}). A Tomcat valve rather than a servlet filter, so
 * that the id is in the MDC for everything logged about the request, including what Tomcat logs when
 * a request fails and the error page it forwards to. It runs after Tomcat's {@code RemoteIpValve},
 * which marks requests that came through a trusted proxy: only theirs may bring an id.
 * <p>
 * Made here: this instance's random prefix and a counter ({@code k3f9q2-1a7}), unique across instances
 * and restarts for all practical purposes, and cheap on the cached-page path (no random number per request).
 */
final class RequestIdValve extends ValveBase {

	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final String prefix;

	private final AtomicLong counter = new AtomicLong();

	RequestIdValve() {
		super(true);
		long random = new SecureRandom().nextLong() >>> 28;
		this.prefix = Long.toString(random, 36) + "-";
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		String id = fromTrustedProxy(request);
		if (id == null) {
			id = this.prefix + Long.toString(this.counter.incrementAndGet(), 36);
		}
		request.setAttribute(RequestIds.ATTRIBUTE, id);
		response.setHeader(RequestIds.HEADER, id);
		MDC.put(RequestIds.MDC_KEY, id);
		try {
			getNext().invoke(request, response);
		}
		finally {
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

	private static @Nullable String fromTrustedProxy(Request request) {
		if (!Boolean.TRUE.equals(request.getAttribute(Globals.REQUEST_FORWARDED_ATTRIBUTE))) {
			return null;
		}
		String header = request.getHeader(RequestIds.HEADER);
		return (header != null && ACCEPTED.matcher(header).matches()) ? header : null;
	}

}
