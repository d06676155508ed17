package org.a4p.portal.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.a4p.portal.shared.Table.Column;
import org.a4p.portal.shared.Table;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Table} as a file. CSV: RFC 4180 ({@code CSVFormat.EXCEL}: commas, CRLF, quotes where needed),
 * UTF-8 with a byte order mark so that spreadsheets open Chinese and Arabic text correctly, percentages as on
 * the page (0 to 100) with "(%)" added to their heading. XLSX (fastexcel): numbers as numbers, days as dates
 * ({@code yyyy-mm-dd}), percentages as fractions with a percent format, changes in points with a sign, the
 * heading row frozen.
 */
final class TableFiles {

	/** The formats a table downloads as, by the extension of its address. */
	enum Format {

		CSV("text/csv; charset=UTF-8"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

		private final String contentType;

		Format(String contentType) {
			this.contentType = contentType;
		}

		String contentType() {
			return this.contentType;
		}

		String extension() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Format of(String extension) {
			return valueOf(extension.toUpperCase(Locale.ROOT));
		}

	}

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private TableFiles() {
	}

	static void write(Table table, Format format, UnaryOperator<String> percentHeading, OutputStream out)
			throws IOException {
		switch (format) {
			case CSV -> csv(table, percentHeading, out);
			case XLSX -> xlsx(table, out);
		}
	}

	/**
	 * CSV with a byte order mark. {@code percentHeading} makes a percentage column's heading from the page's
	 * (e.g. adds "(%)").
	 */
	static void csv(Table table, UnaryOperator<String> percentHeading, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL);
		for (Column column : table.columns()) {
			printer.print((column.kind() == Table.Kind.PERCENT) ? percentHeading.apply(column.heading())
					: column.heading());
		}
		printer.println();
		for (List<@Nullable Object> row : table.rows()) {
			for (@Nullable Object value : row) {
				printer.print(csvValue(value));
			}
			printer.println();
		}
		printer.flush();
	}

	static String csvValue(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		return value.toString();
	}

	static void xlsx(Table table, OutputStream out) throws IOException {
		Workbook workbook = new Workbook(out, "A4P commitments portal", "1.0");
		Worksheet sheet = workbook.newWorksheet(sheetName(table.name()));
		List<Column> columns = table.columns();
		for (int c = 0; c < columns.size(); c++) {
			sheet.value(0, c, columns.get(c).heading());
			sheet.style(0, c).bold().set();
		}
		int r = 1;
		for (List<@Nullable Object> row : table.rows()) {
			for (int c = 0; c < columns.size(); c++) {
				cell(sheet, r, c, columns.get(c).kind(), row.get(c));
			}
			r++;
		}
		sheet.freezePane(0, 1);
		workbook.finish();
	}

	private static void cell(Worksheet sheet, int r, int c, Table.Kind kind, @Nullable Object value) {
		if (value == null) {
			return;
		}
		switch (kind) {
			case TEXT, CODE -> sheet.value(r, c, (String) value);
			case INTEGER -> {
				sheet.value(r, c, (Long) value);
				sheet.style(r, c).format("0").set();
			}
			case PERCENT -> {
				sheet.value(r, c, ((BigDecimal) value).divide(HUNDRED));
				sheet.style(r, c).format("0.0%").set();
			}
			case POINTS -> {
				sheet.value(r, c, (BigDecimal) value);
				sheet.style(r, c).format("+0.0;-0.0;0.0").set();
			}
			case DATE -> {
				sheet.value(r, c, (LocalDate) value);
				sheet.style(r, c).format("yyyy-mm-dd").set();
			}
		}
	}

	/** A worksheet name: at most 31 characters, none of {@code []:*?/\}. */
	static String sheetName(String name) {
		String clean = name.replaceAll("[\\[\\]:*?/\\\\]", "-");
		return (clean.length() > 31) ? clean.substring(0, 31) : clean;
	}

}
