package org.a4p.portal.catalogue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a catalogue text file: CSV (UTF-8, a header row naming the columns {@code code, language, title,
 * text, source}) or YAML (a list of mappings with those keys, or a mapping whose {@code commitments} key
 * holds that list). Each row keeps the line it starts on as an editor numbers lines (1 is the first line;
 * a quoted CSV value may span several lines). Reading only: {@link CatalogueImport} checks the rows.
 */
final class CatalogueFile {

	static final List<String> COLUMNS = List.of("code", "language", "title", "text", "source");

	static final int MAX_BYTES = 2 * 1024 * 1024;

	static final int MAX_ROWS = 2000;

	/** One row as written (values stripped; {@code null} when empty or absent). */
	record Row(int line, @Nullable String code, @Nullable String language, @Nullable String title,
			@Nullable String text, @Nullable String source) {
	}

	/** The rows, or the problems that kept the file from being read. */
	record Parsed(List<Row> rows, List<Problem> problems) {
	}

	private CatalogueFile() {
	}

	static Parsed read(byte[] content, String fileName) {
		Optional<String> decoded = PlainText.fromUtf8(content);
		if (decoded.isEmpty()) {
			return refused(new Problem("file", "admin.catalogue.file.not-utf8"));
		}
		String text = decoded.get();
		String name = fileName.toLowerCase(Locale.ROOT);
		return (name.endsWith(".yaml") || name.endsWith(".yml")) ? yaml(text) : csv(text);
	}

	private static Parsed csv(String text) {
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
			.get();
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = format.parse(new StringReader(text))) {
			List<Problem> header = header(parser.getHeaderNames());
			if (!header.isEmpty()) {
				return new Parsed(List.of(), header);
			}
			for (CSVRecord record : parser) {
				if (rows.size() == MAX_ROWS) {
					return refused(new Problem("file", "admin.catalogue.file.too-many-rows", MAX_ROWS));
				}
				rows.add(new Row(lineAt(text, record.getCharacterPosition()), value(record, "code"),
						value(record, "language"), value(record, "title"), value(record, "text"), value(record, "source")));
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException ex) {
			int line = rows.isEmpty() ? 2 : rows.get(rows.size() - 1).line() + 1;
			return refused(new Problem("file", "admin.catalogue.file.malformed", line));
		}
		return new Parsed(rows, List.of());
	}

	private static List<Problem> header(List<String> names) {
		List<Problem> problems = new ArrayList<>();
		List<String> lower = names.stream().map((n) -> n.strip().toLowerCase(Locale.ROOT)).toList();
		for (String column : COLUMNS) {
			if (!lower.contains(column)) {
				problems.add(new Problem("file", "admin.catalogue.file.missing-column", column));
			}
		}
		for (String name : names) {
			if (!COLUMNS.contains(name.strip().toLowerCase(Locale.ROOT))) {
				problems.add(new Problem("file", "admin.catalogue.file.unknown-column", name));
			}
		}
		return problems;
	}

	private static @Nullable String value(CSVRecord record, String column) {
		for (Map.Entry<String, String> entry : record.toMap().entrySet()) {
			if (entry.getKey().strip().equalsIgnoreCase(column)) {
				return blankToNull(entry.getValue());
			}
		}
		return null;
	}

	/** The line (from 1) of a character, counting line breaks as an editor does (LF, CR LF, or a lone CR). */
	static int lineAt(String text, long position) {
		int line = 1;
		for (int i = 0; i < position && i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
				line++;
			}
		}
		return line;
	}

	private static Parsed yaml(String text) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(0);
		options.setCodePointLimit(MAX_BYTES);
		Node document;
		try {
			document = new Yaml(options).compose(new StringReader(text));
		}
		catch (YAMLException ex) {
			return refused(new Problem("file", "admin.catalogue.file.not-yaml"));
		}
		if (document instanceof MappingNode mapping) {
			Map<String, Node> top = entries(mapping);
			document = top.get("commitments");
		}
		if (!(document instanceof SequenceNode list)) {
			return refused(new Problem("file", "admin.catalogue.file.not-yaml"));
		}
		List<Row> rows = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		for (Node item : list.getValue()) {
			if (rows.size() == MAX_ROWS) {
				return refused(new Problem("file", "admin.catalogue.file.too-many-rows", MAX_ROWS));
			}
			int line = item.getStartMark().getLine() + 1;
			if (!(item instanceof MappingNode mapping)) {
				problems.add(new Problem("file", "admin.catalogue.file.yaml-item", line));
				continue;
			}
			Map<String, Node> values = entries(mapping);
			for (String key : values.keySet()) {
				if (!COLUMNS.contains(key)) {
					problems.add(new Problem("file", "admin.catalogue.file.unknown-column", key));
				}
			}
			rows.add(new Row(line, scalar(values.get("code")), scalar(values.get("language")), scalar(values.get("title")),
					scalar(values.get("text")), scalar(values.get("source"))));
		}
		return new Parsed(problems.isEmpty() ? rows : List.of(), problems.stream().distinct().toList());
	}

	private static Map<String, Node> entries(MappingNode mapping) {
		Map<String, Node> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode key) {
				entries.put(key.getValue().strip().toLowerCase(Locale.ROOT), tuple.getValueNode());
			}
		}
		return entries;
	}

	private static @Nullable String scalar(@Nullable Node node) {
		return (node instanceof ScalarNode scalar) ? blankToNull(scalar.getValue()) : null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static Parsed refused(Problem problem) {
		return new Parsed(List.of(), List.of(problem));
	}

}
