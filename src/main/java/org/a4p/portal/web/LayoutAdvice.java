package org.a4p.portal.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.i18n.Formats;
import org.a4p.portal.i18n.PortalLocales;
import org.a4p.portal.operations.RequestIds;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the layout needs on every page: the language switch (also the page's {@code <link rel="alternate"
 * hreflang>} versions, and the {@code x-default} address that lets the reader's browser choose), and what
 * other modules add ({@link LayoutAttributes}). Exception handlers' pages get the same through {@link #addTo}.
 * Pages only: the portal's controllers and Boot's error controller, not Actuator's endpoints (a health
 * check must not ask the database for the demonstration-data banner, nor fail when it cannot).
 * <p>
 * The other-language addresses carry {@code ?lang=}, which answers with a cookie: such a response is never
 * stored by the page cache, whose key holds the language a request resolves to.
 */
@ControllerAdvice(basePackages = "org.a4p.portal", assignableTypes = ErrorController.class)
class LayoutAdvice {

	/** A link of the language switch; {@code name} is the language's name in itself. */
	record LanguageLink(String code, String name, String href, boolean current) {
	}

	private final List<LayoutAttributes> contributions;

	LayoutAdvice(List<LayoutAttributes> contributions) {
		this.contributions = contributions;
	}

	@ModelAttribute
	void layout(HttpServletRequest request, Locale locale, Model model) {
		model.addAttribute("languages", languages(request, locale));
		model.addAttribute("anyLanguageHref", anyLanguageHref(request));
		this.contributions.forEach((contribution) -> model.addAllAttributes(contribution.layoutAttributes()));
	}

	/**
	 * The same for a page rendered by an exception handler (which model attribute methods do not reach),
	 * with the request's reference, as on every error page.
	 */
	void addTo(ModelAndView page, HttpServletRequest request, Locale locale) {
		page.addObject("languages", languages(request, locale));
		page.addObject("anyLanguageHref", anyLanguageHref(request));
		String reference = RequestIds.of(request);
		if (reference != null) {
			page.addObject(ErrorPages.REFERENCE, reference);
		}
		this.contributions.forEach((contribution) -> page.addAllObjects(contribution.layoutAttributes()));
	}

	static List<LanguageLink> languages(HttpServletRequest request, Locale locale) {
		return PortalLocales.SUPPORTED.stream()
			.map((language) -> new LanguageLink(language.getLanguage(), Formats.nameInItself(language),
					switchHref(request, language.getLanguage()), language.getLanguage().equals(locale.getLanguage())))
			.toList();
	}

	/**
	 * The current page's address without {@code lang}: the page in the language the reader's cookie or
	 * browser chooses ({@code hreflang="x-default"}).
	 */
	static String anyLanguageHref(HttpServletRequest request) {
		Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (failedUri != null) {
			return failedUri.toString();
		}
		String query = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang").build().getQuery();
		return request.getRequestURI() + ((query == null || query.isEmpty()) ? "" : "?" + query);
	}

	/** The current page's path and query, with {@code lang} replaced: a relative link. */
	static String switchHref(HttpServletRequest request, String language) {
		Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (failedUri != null) {
			return failedUri + "?lang=" + language;
		}
		String query = ServletUriComponentsBuilder.fromRequest(request)
			.replaceQueryParam("lang", language)
			.build()
			.getQuery();
		return request.getRequestURI() + "?" + query;
	}

}
