package org.a4p.portal.stakeholder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks stakeholders up by code for the administration forms and their use cases, and lists the choices
 * of those forms. Names are given by {@link StakeholderNames}: read for the reader's language where a
 * locale is given, else for English (use cases and logs).
 */
@Service
@Transactional(readOnly = true)
public class StakeholderDirectory {

	/**
	 * A stakeholder; {@code kind} is the column value ({@code SECRETARIAT}, {@code MEMBER_STATE},
	 * {@code ORGANIZATION}). Its stored name is the one in {@code storedLanguage}, the language it was read for.
	 */
	public record Stakeholder(long id, String code, String kind, @Nullable String iso2, String nameEn,
			@Nullable String storedName, String storedLanguage) {

		public boolean isMemberState() {
			return "MEMBER_STATE".equals(this.kind);
		}

		public boolean isSecretariat() {
			return "SECRETARIAT".equals(this.kind);
		}

		/** The name in the language it was read for. */
		public String name() {
			return name(Locale.forLanguageTag(this.storedLanguage));
		}

		/** The name for a reader ({@link StakeholderNames}' rule; a stored name counts for its own language only). */
		public String name(Locale locale) {
			return StakeholderNames.name(this.iso2, this.nameEn,
					this.storedLanguage.equals(StakeholderNames.lang(locale)) ? this.storedName : null, locale);
		}

	}

	private static final String SELECT = "select s.id, " + StakeholderRef.COLUMNS + " from stakeholder s ";

	private final JdbcClient jdbc;

	StakeholderDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The stakeholder with this code (case-insensitive, surrounding spaces ignored), named in English. */
	public Optional<Stakeholder> byCode(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return query("where s.code = :code", Locale.ENGLISH).param("code", normalizeCode(code))
			.query((rs, n) -> stakeholder(rs, Locale.ENGLISH))
			.optional();
	}

	/** The stakeholder with this id, named in English. */
	public Optional<Stakeholder> byId(long id) {
		return query("where s.id = :id", Locale.ENGLISH).param("id", id)
			.query((rs, n) -> stakeholder(rs, Locale.ENGLISH))
			.optional();
	}

	/** Every stakeholder by code (upper case), named for the reader: for checking a whole file of codes in one query. */
	public Map<String, Stakeholder> allByCode(Locale locale) {
		Map<String, Stakeholder> byCode = new HashMap<>();
		list("", locale).forEach((s) -> byCode.put(s.code(), s));
		return byCode;
	}

	/** Member States and organizations (who may endorse the Declaration), by kind, then by name for the reader. */
	public List<Stakeholder> endorsers(Locale locale) {
		return list("where s.kind <> 'SECRETARIAT'", locale);
	}

	/** The 193 Member States, by name for the reader. */
	public List<Stakeholder> memberStates(Locale locale) {
		return list("where s.kind = 'MEMBER_STATE'", locale);
	}

	public static String normalizeCode(String code) {
		return code.strip().toUpperCase(Locale.ROOT);
	}

	private List<Stakeholder> list(String where, Locale locale) {
		Collator collator = Collator.getInstance(locale);
		return query(where, locale).query((rs, n) -> stakeholder(rs, locale))
			.list()
			.stream()
			.sorted(Comparator.comparing(Stakeholder::kind)
				.thenComparing(Stakeholder::name, collator)
				.thenComparing(Stakeholder::code))
			.toList();
	}

	private JdbcClient.StatementSpec query(String where, Locale locale) {
		return this.jdbc.sql(SELECT + where).param("lang", StakeholderNames.lang(locale));
	}

	private static Stakeholder stakeholder(ResultSet rs, Locale locale) throws SQLException {
		return new Stakeholder(rs.getLong("id"), rs.getString("code"), rs.getString("kind"), rs.getString("iso2"),
				rs.getString("name_en"), rs.getString("stored_name"), StakeholderNames.lang(locale));
	}

}
