package org.a4p.portal.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.a4p.portal.demo.DemoDataQuery;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What the layout needs on every page: the language switch and the demonstration-data banner. */
@ControllerAdvice
class LayoutAdvice {

	/** A link of the language switch; {@code name} is the language's name in itself. */
	record LanguageLink(String code, String name, String href, boolean current) {
	}

	private final DemoDataQuery demoData;

	LayoutAdvice(DemoDataQuery demoData) {
		this.demoData = demoData;
	}

	@ModelAttribute("languages")
	List<LanguageLink> languages(HttpServletRequest request, Locale locale) {
		return PortalLocales.SUPPORTED.stream()
			.map((language) -> new LanguageLink(language.getLanguage(), language.getDisplayLanguage(language),
					switchHref(request, language.getLanguage()), language.getLanguage().equals(locale.getLanguage())))
			.toList();
	}

	@ModelAttribute("demoData")
	boolean demoData() {
		return this.demoData.present();
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
