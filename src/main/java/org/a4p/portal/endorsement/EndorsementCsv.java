package org.a4p.portal.endorsement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.a4p.portal.shared.PlainText;
import org.a4p.portal.shared.Refusal.Problem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.jspecify.annotations.Nullable;

/**
 * Reads an endorsement file: UTF-8 (a byte-order mark is tolerated), comma-separated, a header
 * naming the columns {@code iso3,endorsed_on,source,note} (in any order), at most {@link #MAX_BYTES}
 * bytes and {@link #MAX_ROWS} rows. Only the shape is checked here; what the values mean is checked
 * by {@link EndorsementImport}.
 */
final class EndorsementCsv {

	static final int MAX_BYTES = 1024 * 1024;

	static final int MAX_ROWS = 1000;

	static final List<String> COLUMNS = List.of("iso3", "endorsed_on", "source", "note");

	/**
	 * A data row as read; a value is {@code null} when empty.
	 * @param line the file's line the row starts on, as an editor shows it (the header is line 1; empty lines and
	 * line breaks inside quoted values count)
	 */
	record Row(int line, @Nullable String iso3, @Nullable String endorsedOn, @Nullable String source,
			@Nullable String note, List<String> missingColumns, boolean extraValues) {
	}

	/** The rows read, and what is wrong with the file as a whole (nothing can be imported then). */
	record Parsed(List<Problem> fileProblems, List<Row> rows) {
	}

	private EndorsementCsv() {
	}

	static Parsed parse(byte[] content) {
		List<Problem> problems = new ArrayList<>();
		if (content.length > MAX_BYTES) {
			problems.add(new Problem("file", "admin.import.file.too-large", MAX_BYTES / 1024));
			return new Parsed(problems, List.of());
		}
		Optional<String> decoded = PlainText.fromUtf8(content);
		if (decoded.isEmpty()) {
			problems.add(new Problem("file", "admin.import.file.not-utf8"));
			return new Parsed(problems, List.of());
		}
		String text = decoded.get();
		if (text.isBlank()) {
			problems.add(new Problem("file", "admin.import.file.empty"));
			return new Parsed(problems, List.of());
		}
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreHeaderCase(true)
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.setAllowMissingColumnNames(false)
			.setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
			.get();
		List<Row> rows = new ArrayList<>();
		Lines lines = new Lines(text);
		int nextLine = 2;
		try (CSVParser parser = CSVParser.parse(text, format)) {
			Map<String, Integer> header = parser.getHeaderMap();
			List<String> names = header.keySet().stream().map((name) -> name.strip().toLowerCase(Locale.ROOT)).toList();
			for (String column : COLUMNS) {
				if (!names.contains(column)) {
					problems.add(new Problem("file", "admin.import.file.missing-column", column));
				}
			}
			for (String name : names) {
				if (!COLUMNS.contains(name)) {
					problems.add(new Problem("file", "admin.import.file.unknown-column", name));
				}
			}
			if (!problems.isEmpty()) {
				return new Parsed(problems, List.of());
			}
			Iterator<CSVRecord> records = parser.iterator();
			while (records.hasNext()) {
				CSVRecord record = records.next();
				if (rows.size() == MAX_ROWS) {
					problems.add(new Problem("file", "admin.import.file.too-many-rows", MAX_ROWS));
					return new Parsed(problems, List.of());
				}
				rows.add(row(lines.of(record.getCharacterPosition()), record, header.size()));
				nextLine = (int) parser.getCurrentLineNumber() + 1;
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem("file", "admin.import.file.bad-header"));
			return new Parsed(problems, List.of());
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			problems.add(new Problem("file", "admin.import.file.malformed", nextLine));
			return new Parsed(problems, List.of());
		}
		if (rows.isEmpty()) {
			problems.add(new Problem("file", "admin.import.file.no-rows"));
		}
		return new Parsed(problems, rows);
	}

	/** Line numbers of positions in a text, as an editor counts lines (LF, CR LF or CR ends one). */
	static final class Lines {

		private final String text;

		private final List<Integer> starts = new ArrayList<>();

		Lines(String text) {
			this.text = text;
			this.starts.add(0);
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
					this.starts.add(i + 1);
				}
			}
		}

		/**
		 * The line of the record starting at {@code position}: the parser's position includes the empty lines it
		 * skipped before the record, so those are passed over first.
		 */
		int of(long position) {
			int at = (int) Math.min(position, this.text.length());
			while (at < this.text.length() && (this.text.charAt(at) == '\n' || this.text.charAt(at) == '\r')) {
				at++;
			}
			int index = java.util.Collections.binarySearch(this.starts, at);
			return ((index >= 0) ? index : -index - 2) + 1;
		}

	}

	private static Row row(int line, CSVRecord record, int headerSize) {
		List<String> missing = new ArrayList<>();
		for (String column : COLUMNS) {
			if (!record.isSet(column)) {
				missing.add(column);
			}
		}
		return new Row(line, value(record, "iso3"), value(record, "endorsed_on"), value(record, "source"),
				value(record, "note"), missing, record.size() > headerSize);
	}

	private static @Nullable String value(CSVRecord record, String column) {
		if (!record.isSet(column)) {
			return null;
		}
		String value = record.get(column);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
