package org.a4p.portal.progress;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A stakeholder's name in the reader's language: the stored English name in English; elsewhere a
 * stored name in that language (Secretariat, organizations), else the JDK's name of the country,
 * else the English name.
 */
final class StakeholderLabel {

	/** SQL selecting {@code iso2, name_en, stored_name} of stakeholder {@code s} in language {@code :lang}. */
	static final String COLUMNS = "s.iso2, s.name_en, (select sn.name from stakeholder_name sn "
			+ "where sn.stakeholder_id = s.id and sn.lang = :lang) as stored_name";

	private StakeholderLabel() {
	}

	static String name(@Nullable String iso2, String nameEn, @Nullable String storedName, Locale locale) {
		if (locale.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
			return nameEn;
		}
		if (storedName != null && !storedName.isBlank()) {
			return storedName;
		}
		if (iso2 == null) {
			return nameEn;
		}
		String jdk = new Locale("", iso2).getDisplayCountry(locale);
		return (jdk.isBlank() || jdk.equals(iso2)) ? nameEn : jdk;
	}

}
