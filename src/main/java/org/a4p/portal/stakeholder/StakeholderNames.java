package org.a4p.portal.stakeholder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

import org.a4p.portal.shared.SqlLike;
import org.jspecify.annotations.Nullable;

/**
 * Stakeholder names in the reader's language, by one rule for every language: the stakeholder's stored
 * name in that language ({@code stakeholder_name}) if it has one; else the English name for a reader of
 * English and for anyone but a Member State; else, for a Member State, the JDK's name of its country in
 * that language; else the English name.
 * <p>
 * Every query that names a stakeholder selects {@link #COLUMNS} (binding {@code :lang}) and reads them
 * with {@link #name(ResultSet, Locale)}; every query that finds stakeholders by what a person typed uses
 * {@link #MATCHES} with {@link #searchParams}.
 */
public final class StakeholderNames {

	/**
	 * SQL selecting {@code iso2, name_en, stored_name} of stakeholder {@code s} in language {@code :lang}
	 * (bind it to {@link #lang(Locale)}): the columns {@link #name(ResultSet, Locale)} reads.
	 */
	public static final String COLUMNS = "s.iso2, s.name_en, (select sn.name from stakeholder_name sn "
			+ "where sn.stakeholder_id = s.id and sn.lang = :lang) as stored_name";

	/**
	 * SQL condition: stakeholder {@code s} has the code typed (any case), or a name containing what was
	 * typed: its English name or a stored name in any language (bind {@link #searchParams}).
	 */
	public static final String MATCHES = "(s.code = upper(:search) or s.name_en ilike :search_pattern "
			+ "or exists (select 1 from stakeholder_name sm where sm.stakeholder_id = s.id "
			+ "and sm.name ilike :search_pattern))";

	private StakeholderNames() {
	}

	/** The value of {@code :lang} in {@link #COLUMNS} for a reader. */
	public static String lang(Locale locale) {
		return locale.getLanguage();
	}

	/** The parameters {@link #MATCHES} takes for what a person typed. */
	public static Map<String, Object> searchParams(String search) {
		return Map.of("search", search.strip(), "search_pattern", SqlLike.containing(search.strip()));
	}

	/** The name of the stakeholder of a row that selected {@link #COLUMNS}, for the reader. */
	public static String name(ResultSet rs, Locale locale) throws SQLException {
		return name(rs.getString("iso2"), rs.getString("name_en"), rs.getString("stored_name"), locale);
	}

	/**
	 * The rule.
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

	/** Orders stakeholders by kind (Secretariat, Member States, organizations), then by name as the reader's language sorts. */
	public static Comparator<StakeholderRef> order(Locale locale) {
		Collator collator = Collator.getInstance(locale);
		return Comparator.comparing(StakeholderRef::kind)
			.thenComparing(StakeholderRef::name, collator)
			.thenComparing(StakeholderRef::code);
	}

}
