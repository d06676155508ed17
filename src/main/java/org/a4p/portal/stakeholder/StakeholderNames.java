package org.a4p.portal.stakeholder;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Stakeholder names in the reader's language: the stored English name in English; elsewhere the
 * stored name in that language (Secretariat, organizations), else for a Member State the JDK's
 * locale data, else the English name.
 */
public final class StakeholderNames {

	private StakeholderNames() {
	}

	public static String name(@Nullable String iso2, String nameEn, @Nullable String storedName, Locale locale) {
		if (storedName != null && !storedName.isBlank()) {
			return storedName;
		}
		if (iso2 == null || locale.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
			return nameEn;
		}
		String jdk = new Locale("", iso2).getDisplayCountry(locale);
		return (jdk.isBlank() || jdk.equals(iso2)) ? nameEn : jdk;
	}

	/** Orders stakeholders by kind (Secretariat, Member States, organizations), then by name as the reader's language sorts. */
	public static Comparator<StakeholderRef> order(Locale locale) {
		Collator collator = Collator.getInstance(locale);
		return Comparator.comparing(StakeholderRef::kind)
			.thenComparing(StakeholderRef::name, collator)
			.thenComparing(StakeholderRef::code);
	}

}
