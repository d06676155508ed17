package org.a4p.portal.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.i18n.PortalLocales;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;

/**
 * The page a reader gets while the database does not answer: 503 with {@code Retry-After}, in the
 * reader's language, with the layout, and nothing from the database (the layout's module contributions,
 * such as the demonstration-data banner, are left out: they would ask it again). It is rendered
 * straight from a servlet filter, outside Spring MVC and Spring Security, so that neither the failed
 * request's handler nor a session store in the database is needed to show it.
 * <p>
 * A form that could not be saved is not lost: what was sent is shown (passwords, the CSRF token and
 * the version excepted) with a button that sends it again, unchanged, to the same address.
 */
@Component
class OutagePage {

	static final String VIEW = "error/503";

	/** Seconds a client is asked to wait: an outage this short is a restart or a fail-over. */
	static final String RETRY_AFTER_SECONDS = "30";

	/** Fields sent back by the resend button but not shown: plumbing, not something the user typed. */
	private static final Set<String> NOT_SHOWN = Set.of("_csrf", "version");

	/** A field of the failed form. */
	record Field(String name, String value) {
	}

	private final ThymeleafViewResolver views;

	private final LocaleResolver locales;

	OutagePage(ThymeleafViewResolver views, LocaleResolver locales) {
		this.views = views;
		this.locales = locales;
	}

	/** Sets 503 and {@code Retry-After} on a response that goes on to show a page of its own (a form). */
	static void markUnavailable(HttpServletResponse response) {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
	}

	/** Replaces whatever the failed request had buffered with the 503 page. */
	void render(HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (request.getAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE) == null) {
			request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, this.locales);
		}
		Locale chosen = PortalLocales.supported(request.getParameter("lang"));
		Locale locale = (chosen != null) ? chosen : this.locales.resolveLocale(request);
		response.resetBuffer();
		markUnavailable(response);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setLocale(locale);
		View view = this.views.resolveViewName(VIEW, locale);
		if (view == null) {
			throw new IllegalStateException("No view " + VIEW);
		}
		view.render(model(request, locale), request, response);
	}

	static Map<String, @Nullable Object> model(HttpServletRequest request, Locale locale) {
		Map<String, @Nullable Object> model = new HashMap<>();
		model.put("languages", LayoutAdvice.languages(request, locale));
		model.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
		// on an error page's dispatch (always a GET), what the reader asked for is in the error attributes
		boolean errorPage = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null;
		String method = errorPage ? String.valueOf(request.getAttribute(RequestDispatcher.ERROR_METHOD))
				: request.getMethod();
		String uri = errorPage ? String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
				: request.getRequestURI();
		String query = errorPage ? (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING)
				: request.getQueryString();
		// a path, never another site's address ("//host/…" would be one)
		uri = "/" + uri.replaceFirst("^/+", "");
		boolean form = "POST".equals(method);
		model.put("wasForm", form);
		if (!form) {
			model.put("retryHref", uri + ((query != null) ? "?" + query : ""));
			return model;
		}
		List<Field> sent = new ArrayList<>();
		List<Field> shown = new ArrayList<>();
		boolean withheld = contentType(request).startsWith("multipart/");
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if (name.toLowerCase(Locale.ROOT).contains("password")) {
				withheld = true;
				continue;
			}
			for (String value : parameter.getValue()) {
				sent.add(new Field(name, value));
				if (!NOT_SHOWN.contains(name) && !value.isBlank()) {
					shown.add(new Field(name, value));
				}
			}
		}
		model.put("shown", shown);
		model.put("withheld", withheld);
		// Sent again only as it was: nothing left out (a password, a file) that the address expects.
		model.put("resend", withheld ? List.of() : sent);
		model.put("resendAction", withheld ? null : uri);
		model.put("backHref", RefusalAdvice.backHref(request));
		return model;
	}

	private static String contentType(HttpServletRequest request) {
		String type = request.getContentType();
		return (type != null) ? type.toLowerCase(Locale.ROOT) : "";
	}

}
