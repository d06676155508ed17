package org.a4p.portal.i18n;

import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The languages the portal speaks, and how one is chosen: a {@code ?lang=} switch remembered in a
 * cookie, else the supported language the browser's {@code Accept-Language} prefers most (its
 * q-values decide, not the order it lists them in), else English.
 */
public final class PortalLocales extends CookieLocaleResolver {

	public static final Locale ARABIC = new Locale("ar");

	public static final Locale RUSSIAN = new Locale("ru");

	public static final Locale SPANISH = new Locale("es");

	/**
	 * The six official languages of the United Nations, in the order the language switch shows them: the
	 * UN's order, alphabetical in English (Arabic, Chinese, English, French, Russian, Spanish).
	 */
	public static final List<Locale> SUPPORTED = List.of(ARABIC, Locale.CHINESE, Locale.ENGLISH, Locale.FRENCH, RUSSIAN,
			SPANISH);

	public static final String COOKIE = "a4p-lang";

	PortalLocales() {
		super(COOKIE);
		setCookieHttpOnly(true);
		setCookieSameSite("Lax");
		setCookieMaxAge(java.time.Duration.ofDays(365));
		setDefaultLocaleFunction(PortalLocales::fromAcceptLanguage);
	}

	/** The supported locale for a language tag, or {@code null} when the portal does not speak it. */
	public static @Nullable Locale supported(@Nullable String language) {
		if (language == null) {
			return null;
		}
		String lang = Locale.forLanguageTag(language.replace('_', '-')).getLanguage();
		for (Locale locale : SUPPORTED) {
			if (locale.getLanguage().equals(lang)) {
				return locale;
			}
		}
		return null;
	}

	/**
	 * The language a request is answered in before any {@code ?lang=} switch: the cookie's if it
	 * names a supported language, else the browser's. Usable outside Spring MVC (the page cache).
	 */
	public static Locale resolve(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					Locale chosen = supported(cookie.getValue());
					if (chosen != null) {
						return chosen;
					}
				}
			}
		}
		return fromAcceptLanguage(request);
	}

	/** Whether a language is written right to left (of the six: Arabic). */
	public static boolean isRightToLeft(Locale locale) {
		return ARABIC.getLanguage().equals(locale.getLanguage());
	}

	/** The value of an {@code dir} attribute for text in this language: {@code rtl} or {@code ltr}. */
	public static String direction(Locale locale) {
		return isRightToLeft(locale) ? "rtl" : "ltr";
	}

	/**
	 * The first supported language of an {@code Accept-Language} header, by preference: the servlet
	 * container gives the request's locales sorted by their q-values, highest first.
	 */
	static Locale fromAcceptLanguage(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") != null) {
			Enumeration<Locale> locales = request.getLocales();
			while (locales.hasMoreElements()) {
				Locale match = supported(locales.nextElement().toLanguageTag());
				if (match != null) {
					return match;
				}
			}
		}
		return Locale.ENGLISH;
	}

	@Override
	protected @Nullable Locale parseLocaleValue(String localeValue) {
		return supported(localeValue);
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		super.setLocale(request, response, supported((locale != null) ? locale.toLanguageTag() : null));
	}

}
