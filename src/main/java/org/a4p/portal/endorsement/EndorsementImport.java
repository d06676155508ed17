package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.endorsement.EndorsementCsv.Parsed;
import org.a4p.portal.endorsement.EndorsementRules.History;
import org.a4p.portal.shared.Refusal.Problem;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.stakeholder.StakeholderDirectory.Stakeholder;
import org.a4p.portal.stakeholder.StakeholderDirectory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports Member-State endorsements from a CSV file, all or nothing: {@link #preview} lists every row
 * with every problem found; {@link #apply} checks the same file again and records every row in one
 * transaction, or nothing when any row (or the file) has a problem.
 */
@Service
class EndorsementImport {

	/** A row checked: what it would record, and every problem found (none: it can be imported). */
	public record PreviewRow(int number, @Nullable String iso3, @Nullable String stakeholderName,
			@Nullable String endorsedOnText, @Nullable LocalDate endorsedOn, @Nullable String source, @Nullable String note,
			List<Problem> problems) {

		public boolean ok() {
			return this.problems.isEmpty();
		}

	}

	/** A file checked; it can be applied only when neither the file nor any row has a problem. */
	public record Preview(List<Problem> fileProblems, List<PreviewRow> rows) {

		public boolean canApply() {
			return this.fileProblems.isEmpty() && !this.rows.isEmpty() && this.rows.stream().allMatch(PreviewRow::ok);
		}

		public long rowsWithProblems() {
			return this.rows.stream().filter((row) -> !row.ok()).count();
		}

	}

	/** What {@link #apply} did: recorded every row, or refused the file (nothing written). */
	sealed interface Outcome permits Applied, Refused {
	}

	record Applied(List<Long> endorsementIds) implements Outcome {
	}

	record Refused(Preview preview) implements Outcome {
	}

	private final EndorsementWrites writes;

	private final StakeholderDirectory stakeholders;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	EndorsementImport(EndorsementWrites writes, StakeholderDirectory stakeholders, JdbcClient jdbc, AuditLog audit,
			PlatformTransactionManager transactions) {
		this.writes = writes;
		this.stakeholders = stakeholders;
		this.jdbc = jdbc;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Transactional(readOnly = true)
	Preview preview(byte[] content, Locale locale) {
		return check(EndorsementCsv.parse(content), locale);
	}

	/**
	 * Records every row of the file in one transaction, checked again now: when the file or any row has a
	 * problem nothing is written and the problems are returned. A state of the file endorsed by someone
	 * else meanwhile (caught by the database as the transaction writes) is such a problem too.
	 */
	Outcome apply(byte[] content, String fileName, String sha256) {
		try {
			return Objects.requireNonNull(this.transaction.execute((status) -> applyChecked(content, fileName, sha256)));
		}
		catch (Refusal raced) {
			return new Refused(preview(content, Locale.ENGLISH));
		}
	}

	private Outcome applyChecked(byte[] content, String fileName, String sha256) {
		Preview preview = check(EndorsementCsv.parse(content), Locale.ENGLISH);
		if (!preview.canApply()) {
			return new Refused(preview);
		}
		Map<String, Stakeholder> byCode = this.stakeholders.allByCode(Locale.ENGLISH);
		List<Long> ids = new ArrayList<>();
		for (PreviewRow row : preview.rows()) {
			Stakeholder stakeholder = byCode.get(StakeholderDirectory.normalizeCode(Objects.requireNonNull(row.iso3())));
			Endorsement endorsement = this.writes.insert(stakeholder, row.endorsedOn(),
					Objects.requireNonNull(row.source()), row.note(), "file",
					" (imported from " + fileName + ", row " + row.number() + ")");
			ids.add(endorsement.requireId());
		}
		Map<String, Object> imported = new LinkedHashMap<>();
		imported.put("file", fileName);
		imported.put("sha256", sha256);
		imported.put("rows", ids.size());
		imported.put("endorsementIds", ids);
		this.audit.record("ENDORSEMENTS_IMPORTED", "endorsement_import", sha256.substring(0, 16),
				ids.size() + " endorsements imported from " + fileName, null, imported);
		return new Applied(ids);
	}

	private Preview check(Parsed parsed, Locale locale) {
		if (!parsed.fileProblems().isEmpty()) {
			return new Preview(parsed.fileProblems(), List.of());
		}
		Map<String, Stakeholder> byCode = this.stakeholders.allByCode(locale);
		Map<Long, History> histories = histories();
		Map<String, List<Integer>> rowsByCode = parsed.rows()
			.stream()
			.filter((row) -> row.iso3() != null)
			.collect(Collectors.groupingBy((row) -> StakeholderDirectory.normalizeCode(row.iso3()), LinkedHashMap::new,
					Collectors.mapping(EndorsementCsv.Row::number, Collectors.toList())));
		LocalDate today = this.writes.today();
		List<PreviewRow> rows = new ArrayList<>();
		for (EndorsementCsv.Row row : parsed.rows()) {
			List<Problem> problems = new ArrayList<>();
			if (!row.missingColumns().isEmpty()) {
				problems.add(new Problem("file", "admin.import.row.missing-column", String.join(", ", row.missingColumns())));
			}
			if (row.extraValues()) {
				problems.add(new Problem("file", "admin.import.row.extra-values"));
			}
			String code = (row.iso3() != null) ? StakeholderDirectory.normalizeCode(row.iso3()) : null;
			Stakeholder stakeholder = (code != null) ? byCode.get(code) : null;
			if (stakeholder != null && !stakeholder.isMemberState()) {
				problems.add(new Problem("file", "admin.import.row.not-member-state", code));
			}
			LocalDate endorsedOn = null;
			if (row.endorsedOn() != null) {
				try {
					endorsedOn = LocalDate.parse(row.endorsedOn());
				}
				catch (DateTimeParseException ex) {
					problems.add(new Problem("file", "admin.import.row.bad-date", row.endorsedOn()));
				}
			}
			History history = (stakeholder != null) ? histories.getOrDefault(stakeholder.id(), History.NONE)
					: History.NONE;
			if (stakeholder == null || stakeholder.isMemberState()) {
				problems.addAll(EndorsementRules.checkNew("file", "file", code, stakeholder, history, endorsedOn, today));
			}
			else {
				problems.addAll(EndorsementRules.checkDate("file", endorsedOn, today));
			}
			if (code != null && rowsByCode.get(code).size() > 1) {
				List<Integer> others = new ArrayList<>(rowsByCode.get(code));
				others.remove(Integer.valueOf(row.number()));
				problems.add(new Problem("file", "admin.import.row.duplicate", code,
						others.stream().map(String::valueOf).collect(Collectors.joining(", "))));
			}
			if (row.source() == null) {
				problems.add(new Problem("file", "admin.endorsement.source.required"));
			}
			else if (row.source().length() > EndorsementRules.SOURCE_MAX) {
				problems.add(new Problem("file", "admin.endorsement.source.too-long", EndorsementRules.SOURCE_MAX));
			}
			if (row.note() != null && row.note().length() > EndorsementRules.NOTE_MAX) {
				problems.add(new Problem("file", "admin.endorsement.note.too-long", EndorsementRules.NOTE_MAX));
			}
			rows.add(new PreviewRow(row.number(), row.iso3(), (stakeholder != null) ? stakeholder.name(locale) : null,
					row.endorsedOn(), endorsedOn, row.source(), row.note(), problems));
		}
		return new Preview(List.of(), rows);
	}

	/** Every stakeholder's endorsement history, in one query. */
	private Map<Long, History> histories() {
		Map<Long, History> histories = new HashMap<>();
		this.jdbc.sql("""
				select stakeholder_id, bool_or(withdrawn_on is null) as in_force, max(withdrawn_on) as last_withdrawal
				from endorsement group by stakeholder_id""")
			.query((java.sql.ResultSet rs) -> {
				histories.put(rs.getLong("stakeholder_id"),
						new History(rs.getBoolean("in_force"), rs.getObject("last_withdrawal", LocalDate.class)));
			});
		return histories;
	}

}
