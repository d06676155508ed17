package org.a4p.portal.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for the API: public data read without credentials, so any origin may read it. Every answer under
 * {@code /api/v1/} says {@code Access-Control-Allow-Origin: *} (whether or not the request named an origin, so
 * that an answer kept by a shared cache or the page cache suits every reader), and a preflight for GET or HEAD is
 * answered here with 204. Runs before the page cache, which does not store these headers.
 */
final class ApiCors extends OncePerRequestFilter {

	static final String METHODS = "GET, HEAD, OPTIONS";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(ApiProblems.PREFIX);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag, Link, Content-Language");
		String preflight = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
		if ("OPTIONS".equals(request.getMethod()) && preflight != null
				&& request.getHeader(HttpHeaders.ORIGIN) != null) {
			if ("GET".equals(preflight) || "HEAD".equals(preflight)) {
				response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
				response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
						"Accept, Accept-Language, If-None-Match, If-Modified-Since");
				response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400");
				response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			}
			else {
				// not allowed: no Allow-Methods, so the browser refuses the request
				response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
