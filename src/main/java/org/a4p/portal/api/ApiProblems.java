package org.a4p.portal.api;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.shared.BadRequestException;
import org.a4p.portal.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error under {@code /api/v1/} as an RFC 9457 problem ({@code application/problem+json}), never an HTML
 * page: an unknown address, id or cycle 404, a malformed parameter (paging, filter, cycle) 400, a method other
 * than GET, HEAD or OPTIONS 405, anything else 500 (logged, with nothing of its cause in the answer). It runs
 * before the portal's page-rendering advice, and also for errors raised before a controller is chosen.
 */
@Component
class ApiProblems implements HandlerExceptionResolver, Ordered {

	static final String PREFIX = "/api/v1/";

	static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final JsonMapper json;

	ApiProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!request.getRequestURI().startsWith(PREFIX) || response.isCommitted()) {
			return null;
		}
		Map<String, Object> problem;
		if (ex instanceof NotFoundException || ex instanceof NoResourceFoundException
				|| ex instanceof NoHandlerFoundException) {
			problem = problem(HttpStatus.NOT_FOUND, "Nothing is published at this address, or no such cycle.", request);
		}
		else if (ex instanceof BadRequestException bad) {
			problem = problem(HttpStatus.BAD_REQUEST,
					"The value of the parameter '" + bad.parameter() + "' is not valid.", request);
			problem.put("parameter", bad.parameter());
		}
		else if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			problem = problem(HttpStatus.BAD_REQUEST,
					"The value of the parameter '" + mismatch.getName() + "' is not valid.", request);
			problem.put("parameter", mismatch.getName());
		}
		else if (ex instanceof MissingServletRequestParameterException missing) {
			problem = problem(HttpStatus.BAD_REQUEST,
					"The parameter '" + missing.getParameterName() + "' is missing.", request);
			problem.put("parameter", missing.getParameterName());
		}
		else if (ex instanceof HttpRequestMethodNotSupportedException) {
			problem = problem(HttpStatus.METHOD_NOT_ALLOWED, "The API only reads: use GET, HEAD or OPTIONS.", request);
			response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS");
		}
		else if (ex instanceof HttpMediaTypeNotAcceptableException) {
			problem = problem(HttpStatus.NOT_ACCEPTABLE, "The API answers in JSON only.", request);
		}
		else {
			log.error("API request {} failed", request.getRequestURI(), ex);
			problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "The portal could not answer.", request);
		}
		try {
			response.resetBuffer();
			response.setStatus((int) problem.get("status"));
			response.setContentType(PROBLEM_JSON.toString());
			response.setCharacterEncoding("UTF-8");
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			this.json.writeValue(response.getOutputStream(), problem);
		}
		catch (IOException io) {
			log.debug("Could not write a problem to the client", io);
		}
		return new ModelAndView();
	}

	private static Map<String, Object> problem(HttpStatus status, String detail, HttpServletRequest request) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", URI.create(request.getRequestURI()).toString());
		return problem;
	}

}
