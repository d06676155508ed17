package org.a4p.portal.stakeholder;

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
 * Looks stakeholders up by code for the administration forms and their choice lists. Names are
 * given by {@link StakeholderNames}.
 */
@Service
@Transactional(readOnly = true)
public class StakeholderDirectory {

	/** A stakeholder; {@code kind} is the column value ({@code SECRETARIAT}, {@code MEMBER_STATE}, {@code ORGANIZATION}). */
	public record Stakeholder(long id, String code, String kind, @Nullable String iso2, String nameEn,
			@Nullable String nameZh) {

		public boolean isMemberState() {
			return "MEMBER_STATE".equals(this.kind);
		}

		public boolean isSecretariat() {
			return "SECRETARIAT".equals(this.kind);
		}

		/** The name in the reader's language. */
		public String name(Locale locale) {
			return StakeholderNames.name(this.iso2, this.nameEn, this.nameZh, "zh", locale);
		}

	}

	private static final String SELECT = """
			select s.id, s.code, s.kind, s.iso2, s.name_en, n.name as name_zh
			from stakeholder s left join stakeholder_name n on n.stakeholder_id = s.id and n.lang = 'zh'
			""";

	private final JdbcClient jdbc;

	StakeholderDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The stakeholder with this code (case-insensitive, surrounding spaces ignored). */
	public Optional<Stakeholder> byCode(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql(SELECT + "where s.code = ?")
			.param(normalizeCode(code))
			.query(Stakeholder.class)
			.optional();
	}

	public Optional<Stakeholder> byId(long id) {
		return this.jdbc.sql(SELECT + "where s.id = ?").param(id).query(Stakeholder.class).optional();
	}

	/** Every stakeholder by code (upper case): for checking a whole file of codes in one query. */
	public Map<String, Stakeholder> allByCode() {
		Map<String, Stakeholder> byCode = new HashMap<>();
		this.jdbc.sql(SELECT).query(Stakeholder.class).list().forEach((s) -> byCode.put(s.code(), s));
		return byCode;
	}

	/** Member States and organizations (who may endorse the Declaration), by English name. */
	public List<Stakeholder> endorsers() {
		return this.jdbc.sql(SELECT + "where s.kind <> 'SECRETARIAT' order by s.kind, s.name_en")
			.query(Stakeholder.class)
			.list();
	}

	/** The 193 Member States, by English name. */
	public List<Stakeholder> memberStates() {
		return this.jdbc.sql(SELECT + "where s.kind = 'MEMBER_STATE' order by s.name_en").query(Stakeholder.class).list();
	}

	public static String normalizeCode(String code) {
		return code.strip().toUpperCase(Locale.ROOT);
	}

}
