package org.a4p.portal.catalogue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.a4p.portal.shared.LineDiff;
import org.a4p.portal.shared.Rows;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads areas and commitments in the current catalogue version, in the reader's language where the
 * catalogue has it and in English otherwise (the record says which language the text is in).
 */
@Service
@Transactional(readOnly = true)
public class CatalogueQueries {

	public record AreaSummary(String code, int position, String name, String shortName) {
	}

	public record AreaDetail(String code, int position, String name, String shortName, String statement,
			String secretariatAction, String textLang) {
	}

	public record CommitmentSummary(String code, String areaCode, int position, Owner owner,
			@Nullable Capacity capacity, String title) {

		/** The suffix of the owner's message keys, e.g. {@code COLLECTIVE} or {@code MEMBER_STATES.TPCC}. */
		public String ownerKey() {
			return Owner.key(this.owner, this.capacity);
		}

	}

	/** @param source {@code seed}, {@code secondary} or {@code official} */
	public record CommitmentDetail(String code, String areaCode, String areaName, int position, Owner owner,
			@Nullable Capacity capacity, String title, String body, String source, String textLang,
			String catalogueVersion) {

		/** The suffix of the owner's message keys, e.g. {@code COLLECTIVE} or {@code MEMBER_STATES.TPCC}. */
		public String ownerKey() {
			return Owner.key(this.owner, this.capacity);
		}

	}

	public record CatalogueVersion(String label, @Nullable String description, OffsetDateTime loadedAt) {
	}

	/**
	 * A catalogue version: {@code languages} are those whose texts it was loaded with (the others carried over
	 * from the version before it).
	 */
	public record VersionSummary(long id, String label, @Nullable String description, OffsetDateTime loadedAt,
			boolean current, String languages) {

		public List<String> languageList() {
			return List.of(this.languages.split(","));
		}

	}

	/** A commitment's text in one version, in the reader's language or else English ({@code textLang} says which). */
	public record VersionedText(String code, String areaCode, String title, String body, String source,
			String textLang) {
	}

	/**
	 * A commitment in a version beside another version: its text in each, and the difference word by word
	 * (from {@code other} to {@code text}); {@code other} is null when there is nothing to compare with.
	 */
	public record Comparison(VersionedText text, @Nullable VersionedText other, List<LineDiff.Line> titleDiff,
			List<LineDiff.Line> bodyDiff) {

		public boolean changed() {
			return this.other != null && (!this.other.title().equals(this.text.title())
					|| !this.other.body().equals(this.text.body()) || !this.other.textLang().equals(this.text.textLang()));
		}

	}

	/** Current-version texts in the wanted language, else English. */
	private static final String AREA_TEXT = """
			from area a
			join catalogue_version v on v.is_current
			join area_text en on en.area_id = a.id and en.catalogue_version_id = v.id and en.lang = 'en'
			left join area_text t on t.area_id = a.id and t.catalogue_version_id = v.id and t.lang = :lang
			""";

	private static final String COMMITMENT_TEXT = """
			from commitment c
			join area a on a.id = c.area_id
			join catalogue_version v on v.is_current
			join commitment_text en on en.commitment_id = c.id and en.catalogue_version_id = v.id and en.lang = 'en'
			left join commitment_text t on t.commitment_id = c.id and t.catalogue_version_id = v.id and t.lang = :lang
			""";

	private static final String COMMITMENT_SUMMARY = "select c.code, a.code as area_code, c.position, c.owner, c.capacity, "
			+ "coalesce(t.title, en.title) as title " + COMMITMENT_TEXT;

	private final JdbcClient jdbc;

	CatalogueQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<AreaSummary> areas(Locale locale) {
		return this.jdbc.sql("select a.code, a.position, coalesce(t.name, en.name) as name, "
				+ "coalesce(t.short_name, en.short_name) as short_name " + AREA_TEXT + "order by a.position")
			.param("lang", locale.getLanguage())
			.query(Rows.of(AreaSummary.class))
			.list();
	}

	public Optional<AreaDetail> area(String code, Locale locale) {
		return this.jdbc.sql("select a.code, a.position, coalesce(t.name, en.name) as name, "
				+ "coalesce(t.short_name, en.short_name) as short_name, coalesce(t.statement, en.statement) as statement, "
				+ "coalesce(t.secretariat_action, en.secretariat_action) as secretariat_action, "
				+ "coalesce(t.lang, en.lang) as text_lang " + AREA_TEXT + "where a.code = :code")
			.param("lang", locale.getLanguage())
			.param("code", code)
			.query(Rows.of(AreaDetail.class))
			.optional();
	}

	/** All 45 commitments, in catalogue order. */
	public List<CommitmentSummary> commitments(Locale locale) {
		return this.jdbc.sql(COMMITMENT_SUMMARY + "order by a.position, c.position")
			.param("lang", locale.getLanguage())
			.query(Rows.of(CommitmentSummary.class))
			.list();
	}

	public List<CommitmentSummary> commitmentsInArea(String areaCode, Locale locale) {
		return this.jdbc.sql(COMMITMENT_SUMMARY + "where a.code = :area order by c.position")
			.param("lang", locale.getLanguage())
			.param("area", areaCode)
			.query(Rows.of(CommitmentSummary.class))
			.list();
	}

	public Optional<CommitmentDetail> commitment(String code, Locale locale) {
		return this.jdbc.sql("""
				select c.code, a.code as area_code, coalesce(at.name, aen.name) as area_name, c.position, c.owner,
				       c.capacity, coalesce(t.title, en.title) as title, coalesce(t.body, en.body) as body,
				       coalesce(t.source, en.source) as source, coalesce(t.lang, en.lang) as text_lang,
				       v.label as catalogue_version
				""" + COMMITMENT_TEXT + """
				join area_text aen on aen.area_id = a.id and aen.catalogue_version_id = v.id and aen.lang = 'en'
				left join area_text at on at.area_id = a.id and at.catalogue_version_id = v.id and at.lang = :lang
				where c.code = :code
				""")
			.param("lang", locale.getLanguage())
			.param("code", code)
			.query(Rows.of(CommitmentDetail.class))
			.optional();
	}

	/** Every catalogue version, the newest first. */
	public List<VersionSummary> versions() {
		return this.jdbc.sql("select id, label, description, loaded_at, is_current as current, languages "
				+ "from catalogue_version order by loaded_at desc, id desc")
			.query(Rows.of(VersionSummary.class))
			.list();
	}

	public Optional<VersionSummary> version(long id) {
		return this.jdbc.sql("select id, label, description, loaded_at, is_current as current, languages "
				+ "from catalogue_version where id = ?")
			.param(id)
			.query(Rows.of(VersionSummary.class))
			.optional();
	}

	/** The version loaded just before this one, if any. */
	public Optional<VersionSummary> previous(VersionSummary version) {
		return versions().stream()
			.filter((v) -> v.loadedAt().isBefore(version.loadedAt())
					|| (v.loadedAt().isEqual(version.loadedAt()) && v.id() < version.id()))
			.findFirst();
	}

	/** Every commitment's text in a version, in catalogue order, in the reader's language or else English. */
	public List<VersionedText> texts(long versionId, Locale locale) {
		return this.jdbc.sql("""
				select c.code, a.code as area_code, coalesce(t.title, en.title) as title, coalesce(t.body, en.body) as body,
				       coalesce(t.source, en.source) as source, coalesce(t.lang, en.lang) as text_lang
				from commitment c
				join area a on a.id = c.area_id
				join commitment_text en on en.commitment_id = c.id and en.catalogue_version_id = :version and en.lang = 'en'
				left join commitment_text t on t.commitment_id = c.id and t.catalogue_version_id = :version and t.lang = :lang
				order by a.position, c.position
				""")
			.param("version", versionId)
			.param("lang", locale.getLanguage())
			.query(Rows.of(VersionedText.class))
			.list();
	}

	/** A version's texts beside another version's (null: none), commitment by commitment, for the reader. */
	public List<Comparison> compare(long versionId, @Nullable Long otherId, Locale locale) {
		Map<String, VersionedText> others = new HashMap<>();
		if (otherId != null) {
			texts(otherId, locale).forEach((t) -> others.put(t.code(), t));
		}
		List<Comparison> comparisons = new ArrayList<>();
		for (VersionedText text : texts(versionId, locale)) {
			VersionedText other = others.get(text.code());
			Locale language = Locale.forLanguageTag(text.textLang());
			comparisons.add(new Comparison(text, other,
					(other != null) ? LineDiff.words(other.title(), text.title(), language) : List.of(),
					(other != null) ? LineDiff.words(other.body(), text.body(), language) : List.of()));
		}
		return comparisons;
	}

	public CatalogueVersion currentVersion() {
		return this.jdbc.sql("select label, description, loaded_at from catalogue_version where is_current")
			.query(Rows.of(CatalogueVersion.class))
			.single();
	}

}
