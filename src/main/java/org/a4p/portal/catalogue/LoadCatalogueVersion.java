package org.a4p.portal.catalogue;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.catalogue.CatalogueImport.Preview;
import org.a4p.portal.catalogue.CatalogueImport.PreviewRow;
import org.a4p.portal.shared.PlainText;
import org.a4p.portal.shared.Refusal.Problem;
import org.a4p.portal.shared.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator loads a catalogue text file as a new catalogue version, all or nothing, in one
 * transaction: the new version holds the file's texts for the languages the file gives, and the current
 * version's texts for every other language (and the areas' texts); it becomes the current version. Nothing
 * else changes: entries, their history and the figures refer to commitments by id, never to a version's
 * text. Refused unless every row of the file is good ({@link CatalogueImport}) and the label is new.
 */
@Service
class LoadCatalogueVersion {

	static final int LABEL_MAX = 200;

	static final int DESCRIPTION_MAX = 2000;

	/** The version to make: its label and description, and the file previewed (its SHA-256 as shown then). */
	record Command(@Nullable String label, @Nullable String description, String fileName, byte[] content,
			String sha256) {
	}

	private final JdbcClient jdbc;

	private final CatalogueImport check;

	private final AuditLog audit;

	private final Clock clock;

	LoadCatalogueVersion(JdbcClient jdbc, CatalogueImport check, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.check = check;
		this.audit = audit;
		this.clock = clock;
	}

	/** What is wrong with the label and description given (the file is checked by {@link CatalogueImport}). */
	@Transactional(readOnly = true)
	List<Problem> problems(@Nullable String label, @Nullable String description) {
		List<Problem> problems = new ArrayList<>();
		if (label == null || label.isBlank()) {
			problems.add(new Problem("label", "admin.catalogue.label.required"));
		}
		else if (PlainText.length(label.strip()) > LABEL_MAX) {
			problems.add(new Problem("label", "admin.catalogue.label.too-long", LABEL_MAX));
		}
		else if (PlainText.hasForbiddenCharacter(label, false)) {
			problems.add(new Problem("label", "admin.catalogue.label.control"));
		}
		else if (this.jdbc.sql("select count(*) from catalogue_version where label = ?")
			.param(label.strip())
			.query(Long.class)
			.single() > 0) {
			problems.add(new Problem("label", "admin.catalogue.label.taken", label.strip()));
		}
		if (description != null && PlainText.length(description) > DESCRIPTION_MAX) {
			problems.add(new Problem("description", "admin.catalogue.description.too-long", DESCRIPTION_MAX));
		}
		else if (description != null && PlainText.hasForbiddenCharacter(description, true)) {
			problems.add(new Problem("description", "admin.catalogue.description.control"));
		}
		return problems;
	}

	/** @return the new version's id */
	@Transactional
	long load(Command command) {
		// one load at a time: the label check and the switch of the current version see every other load
		this.jdbc.sql("lock table catalogue_version in exclusive mode").update();
		Refusal.throwIfAny(problems(command.label(), command.description()));
		Preview preview = this.check.preview(command.content(), command.fileName(), Locale.ENGLISH);
		if (!preview.canLoad()) {
			throw Refusal.because("admin.catalogue.refused");
		}
		String label = command.label().strip();
		String description = (command.description() == null || command.description().isBlank()) ? null
				: PlainText.normaliseLineBreaks(command.description().strip());
		long current = this.jdbc.sql("select id from catalogue_version where is_current").query(Long.class).single();
		String languages = String.join(",", preview.languages());
		long id = this.jdbc.sql("""
				insert into catalogue_version (label, description, is_current, loaded_at, loaded_by, languages)
				values (:label, :description, false, :at, :by, :languages) returning id
				""")
			.param("label", label)
			.param("description", description)
			.param("at", OffsetDateTime.now(this.clock))
			.param("by", AuditLog.currentActor())
			.param("languages", languages)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into area_text (area_id, catalogue_version_id, lang, name, short_name, statement, secretariat_action)
				select area_id, :new, lang, name, short_name, statement, secretariat_action
				from area_text where catalogue_version_id = :current
				""").param("new", id).param("current", current).update();
		this.jdbc.sql("""
				insert into commitment_text (commitment_id, catalogue_version_id, lang, title, body, source)
				select commitment_id, :new, lang, title, body, source
				from commitment_text where catalogue_version_id = :current and lang not in (:languages)
				""").param("new", id).param("current", current).param("languages", preview.languages()).update();
		for (PreviewRow row : preview.rows()) {
			this.jdbc.sql("""
					insert into commitment_text (commitment_id, catalogue_version_id, lang, title, body, source)
					select c.id, :version, :lang, :title, :body, :source from commitment c where c.code = :code
					""")
				.param("version", id)
				.param("lang", row.language())
				.param("title", row.title())
				.param("body", row.text())
				.param("source", row.source())
				.param("code", row.code())
				.update();
		}
		long withoutEnglish = this.jdbc.sql("""
				select count(*) from commitment c where not exists (select 1 from commitment_text t
				where t.commitment_id = c.id and t.catalogue_version_id = :version and t.lang = 'en')
				""").param("version", id).query(Long.class).single();
		if (withoutEnglish > 0) {
			throw new IllegalStateException("catalogue version " + label + " would lack English texts");
		}
		this.jdbc.sql("update catalogue_version set is_current = false where is_current").update();
		this.jdbc.sql("update catalogue_version set is_current = true where id = ?").param(id).update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("label", label);
		after.put("description", description);
		after.put("languages", languages);
		after.put("rows", preview.rows().size());
		after.put("file", command.fileName());
		after.put("sha256", command.sha256());
		after.put("replaces", this.jdbc.sql("select label from catalogue_version where id = ?")
			.param(current)
			.query(String.class)
			.single());
		this.audit.record("CATALOGUE_VERSION_LOADED", "catalogue_version", id,
				"Catalogue version " + label + " loaded (" + languages + ")", null, after);
		return id;
	}

}
