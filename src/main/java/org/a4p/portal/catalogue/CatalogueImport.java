package org.a4p.portal.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.a4p.portal.catalogue.CatalogueFile.Row;
import org.a4p.portal.i18n.Formats;
import org.a4p.portal.i18n.PortalLocales;
import org.a4p.portal.shared.PlainText;
import org.a4p.portal.shared.Refusal.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a catalogue text file before it may become a catalogue version: every row's problems (an unknown
 * commitment code, a language that is not one of the six, an empty title or text, a source other than
 * {@code official}, {@code secondary} or {@code seed}, a second row for the same commitment and language),
 * and the file's (unreadable, a column missing, a commitment missing in a language the file gives). A
 * version is made only from a file without any problem ({@link LoadCatalogueVersion}).
 */
@Service
@Transactional(readOnly = true)
public class CatalogueImport {

	static final Set<String> SOURCES = Set.of("official", "secondary", "seed");

	static final int TITLE_MAX = 300;

	static final int TEXT_MAX = 10_000;

	/** What a row would change in the current version's text of its commitment and language. */
	public enum Change {
		NEW, CHANGED, UNCHANGED
	}

	/** A row of the file with its problems (none: it can be loaded). */
	public record PreviewRow(int line, @Nullable String code, @Nullable String language, @Nullable String title,
			@Nullable String text, @Nullable String source, List<Problem> problems, @Nullable Change change) {

		public boolean ok() {
			return this.problems.isEmpty();
		}

		/** Whether the source is one the portal names ({@code source.*} messages). */
		public boolean knownSource() {
			return this.source != null && SOURCES.contains(this.source);
		}

		/** Whether the language is one of the six (the row's texts are marked with it). */
		public boolean knownLanguage() {
			return this.language != null && PortalLocales.supported(this.language) != null;
		}

		/** The id of the row in the preview page (the error summary links to it). */
		public String anchor() {
			return "line-" + this.line;
		}

	}

	/** The file checked: its problems, its rows, and the languages it gives texts in. */
	public record Preview(List<Problem> fileProblems, List<PreviewRow> rows, List<String> languages) {

		public boolean canLoad() {
			return this.fileProblems.isEmpty() && !this.rows.isEmpty() && this.rows.stream().allMatch(PreviewRow::ok);
		}

		/**
		 * The error summary: the file's problems (no field), then one line per row with problems, whose field is
		 * the row's anchor (the summary links to it).
		 */
		public List<Problem> summary() {
			List<Problem> summary = new ArrayList<>();
			this.fileProblems.forEach((p) -> summary.add(new Problem(null, p.code(), p.args())));
			this.rows.stream()
				.filter((row) -> !row.ok())
				.forEach((row) -> summary.add(new Problem(row.anchor(), "admin.catalogue.row.problems", row.line(),
						row.problems().size())));
			return summary;
		}

		public long rowsWithProblems() {
			return this.rows.stream().filter((row) -> !row.ok()).count();
		}

	}

	private record Current(String title, String body, String source) {
	}

	private final JdbcClient jdbc;

	CatalogueImport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Checks a file; language names in the problems are written for {@code locale}. */
	public Preview preview(byte[] content, String fileName, Locale locale) {
		CatalogueFile.Parsed parsed = CatalogueFile.read(content, fileName);
		if (!parsed.problems().isEmpty()) {
			return new Preview(parsed.problems(), List.of(), List.of());
		}
		if (parsed.rows().isEmpty()) {
			return new Preview(List.of(new Problem("file", "admin.catalogue.file.empty")), List.of(), List.of());
		}
		Set<String> codes = new LinkedHashSet<>(this.jdbc.sql("select c.code from commitment c join area a on a.id = c.area_id "
				+ "order by a.position, c.position").query(String.class).list());
		Map<String, Current> current = current();
		Set<String> languages = new LinkedHashSet<>();
		for (Locale supported : PortalLocales.SUPPORTED) {
			languages.add(supported.getLanguage());
		}
		Map<String, Integer> firstLine = new HashMap<>();
		Map<String, Set<String>> given = new HashMap<>();
		List<PreviewRow> rows = new ArrayList<>();
		for (Row row : parsed.rows()) {
			List<Problem> problems = new ArrayList<>();
			String code = (row.code() != null) ? row.code().toUpperCase(Locale.ROOT) : null;
			String language = (row.language() != null) ? row.language().toLowerCase(Locale.ROOT) : null;
			String title = (row.title() != null) ? PlainText.normaliseLineBreaks(row.title()) : null;
			String text = (row.text() != null) ? PlainText.normaliseLineBreaks(row.text()) : null;
			String source = (row.source() != null) ? row.source().toLowerCase(Locale.ROOT) : null;
			if (code == null) {
				problems.add(new Problem("file", "admin.catalogue.row.code-missing"));
			}
			else if (!codes.contains(code)) {
				problems.add(new Problem("file", "admin.catalogue.row.code-unknown", row.code()));
			}
			if (language == null) {
				problems.add(new Problem("file", "admin.catalogue.row.language-missing"));
			}
			else if (!languages.contains(language)) {
				problems.add(new Problem("file", "admin.catalogue.row.language-unknown", row.language()));
			}
			checkText(title, TITLE_MAX, false, "title", problems);
			checkText(text, TEXT_MAX, true, "text", problems);
			if (source == null) {
				problems.add(new Problem("file", "admin.catalogue.row.source-missing"));
			}
			else if (!SOURCES.contains(source)) {
				problems.add(new Problem("file", "admin.catalogue.row.source-unknown", row.source()));
			}
			Change change = null;
			if (code != null && codes.contains(code) && language != null && languages.contains(language)) {
				Integer earlier = firstLine.putIfAbsent(code + "/" + language, row.line());
				if (earlier != null) {
					problems.add(new Problem("file", "admin.catalogue.row.duplicate", earlier));
				}
				given.computeIfAbsent(language, (l) -> new TreeSet<>()).add(code);
				Current before = current.get(code + "/" + language);
				change = (before == null) ? Change.NEW
						: (before.title().equals(title) && before.body().equals(text) && before.source().equals(source))
								? Change.UNCHANGED : Change.CHANGED;
			}
			rows.add(new PreviewRow(row.line(), code, language, title, text, source, List.copyOf(problems), change));
		}
		List<Problem> fileProblems = new ArrayList<>();
		Formats formats = new Formats(locale);
		List<String> covered = new ArrayList<>();
		for (String language : languages) {
			Set<String> present = given.get(language);
			if (present == null) {
				continue;
			}
			covered.add(language);
			List<String> missing = codes.stream().filter((code) -> !present.contains(code)).toList();
			if (!missing.isEmpty()) {
				fileProblems.add(new Problem("file", "admin.catalogue.file.missing-commitments",
						formats.languageName(language), String.join(", ", missing), missing.size()));
			}
		}
		return new Preview(fileProblems, rows, covered);
	}

	private static void checkText(@Nullable String value, int max, boolean multiline, String what,
			List<Problem> problems) {
		if (value == null) {
			problems.add(new Problem("file", "admin.catalogue.row." + what + "-missing"));
		}
		else if (PlainText.length(value) > max) {
			problems.add(new Problem("file", "admin.catalogue.row." + what + "-too-long", max, PlainText.length(value)));
		}
		else if (PlainText.hasForbiddenCharacter(value, multiline)) {
			problems.add(new Problem("file", "admin.catalogue.row." + what + "-control"));
		}
	}

	/** The current version's texts, by code/language. */
	private Map<String, Current> current() {
		Map<String, Current> texts = new HashMap<>();
		this.jdbc.sql("""
				select c.code, t.lang, t.title, t.body, t.source from commitment_text t
				join commitment c on c.id = t.commitment_id
				join catalogue_version v on v.id = t.catalogue_version_id and v.is_current
				""").query((rs) -> {
			texts.put(rs.getString("code") + "/" + rs.getString("lang"),
					new Current(rs.getString("title"), rs.getString("body"), rs.getString("source")));
		});
		return texts;
	}

}
