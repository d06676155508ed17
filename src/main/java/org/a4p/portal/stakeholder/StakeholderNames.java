package org.a4p.portal.stakeholder;

import java.util.Comparator;
import java.util.Locale;

import org.a4p.portal.i18n.Formats;
import org.jspecify.annotations.Nullable;

/**
 * Stakeholder names in the reader's language: the stored English name in English; elsewhere the
 * stored name in that language ({@code stakeholder_name}: the Secretariat and organizations in every
 * language, and a Member State where the United Nations' short name differs from the JDK's, V70), else
 * for a Member State the JDK's locale data, else the English name.
 */
public final class StakeholderNames {

	/**
	 * SQL selecting {@code iso2, name_en, stored_name} of stakeholder {@code s} in language {@code :lang}:
	 * the columns {@link #name(String, String, String, Locale)} takes.
	 */
	public static final String COLUMNS = "s.iso2, s.name_en, (select sn.name from stakeholder_name sn "
			+ "where sn.stakeholder_id = s.id and sn.lang = :lang) as stored_name";

	private StakeholderNames() {
	}

	/**
	 * @param iso2 a Member State's ISO alpha-2 code ({@code null} for others)
	 * @param nameEn the stored English name
	 * @param storedName the stakeholder's row of {@code stakeholder_name} in the reader's language, if any
	 */
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

	/**
	 * The same from a stored name in a given language, which counts only for a reader of that
	 * language: for queries that read one language's names whoever reads (e.g. to search by them).
	 * @param storedLanguage the language of {@code storedName}, e.g. {@code zh}
	 */
	public static String name(@Nullable String iso2, String nameEn, @Nullable String storedName, String storedLanguage,
			Locale locale) {
		return name(iso2, nameEn, storedLanguage.equals(locale.getLanguage()) ? storedName : null, locale);
	}

	/**
	 * Orders stakeholders by kind (Secretariat, Member States, organizations), then by name as the reader's
	 * language sorts (ICU's collation: {@link Formats#collation}).
	 */
	public static Comparator<StakeholderRef> order(Locale locale) {
		return Comparator.comparing(StakeholderRef::kind)
			.thenComparing(StakeholderRef::name, Formats.collation(locale))
			.thenComparing(StakeholderRef::code);
	}

}
