package org.a4p.portal.notification;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** The languages messages are written in (the six of the mail bundle). */
final class MailLanguages {

	static final List<String> CODES = List.of("en", "zh", "ar", "fr", "ru", "es");

	private MailLanguages() {
	}

	static Locale locale(@Nullable String code) {
		return (code != null && CODES.contains(code)) ? Locale.forLanguageTag(code) : Locale.ENGLISH;
	}

	static @Nullable String code(@Nullable Locale locale) {
		return (locale != null && CODES.contains(locale.getLanguage())) ? locale.getLanguage() : null;
	}

}
