package org.a4p.portal.account;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A stakeholder's name in the reader's language: a stored name in that language (Secretariat,
 * organizations), else the JDK's name for a Member State's ISO alpha-2 code, else the stored English
 * name. (The stakeholder feature has the same rule; use it once both are on the main branch.)
 */
final class StateNames {

	private StateNames() {
	}

	static String name(@Nullable String iso2, String nameEn, @Nullable String storedName, Locale locale) {
		if (storedName != null && !storedName.isBlank()) {
			return storedName;
		}
		if (iso2 == null || Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
			return nameEn;
		}
		String jdk = new Locale("", iso2).getDisplayCountry(locale);
		return (jdk.isBlank() || jdk.equals(iso2)) ? nameEn : jdk;
	}

}
