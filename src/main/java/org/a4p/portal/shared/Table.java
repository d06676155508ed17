package org.a4p.portal.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A public table as a reader takes it away (CSV, XLSX): translated column headings, each with the kind of its
 * values, and rows of typed values. Built by the module that shows the table on a page, from the same read
 * models, so a download cannot say something else than the page.
 *
 * @param name what the table is, for the file name (e.g. {@code area-POL})
 * @param cycleCode the reporting cycle it shows ({@code null} when it does not depend on one)
 * @param columns the columns, in page order
 * @param rows the rows; each value of its column's {@link Kind} or {@code null}
 */
public record Table(String name, @Nullable String cycleCode, List<Column> columns, List<List<@Nullable Object>> rows) {

	/** What a column holds, and so how a spreadsheet shows it. */
	public enum Kind {

		/** Text in the reader's language (a name, a title). */
		TEXT,
		/** A code that stays a code in every language (an area code, a status). */
		CODE,
		/** A whole number ({@link Long}). */
		INTEGER,
		/** A percentage as on the page, 0 to 100 ({@link BigDecimal}, one decimal). */
		PERCENT,
		/** A change in percentage points ({@link BigDecimal}, signed). */
		POINTS,
		/** A day ({@link LocalDate}). */
		DATE

	}

	/** A column: its heading as the page shows it, and its kind. */
	public record Column(String heading, Kind kind) {
	}

	public Table {
		columns = List.copyOf(columns);
		rows = Collections.unmodifiableList(new ArrayList<>(rows));
	}

	/** The headings, in order. */
	public List<String> headings() {
		return this.columns.stream().map(Column::heading).toList();
	}

	/** Builds a table row by row, checking each row against the columns. */
	public static Builder builder(String name, @Nullable String cycleCode) {
		return new Builder(name, cycleCode);
	}

	public static final class Builder {

		private final String name;

		private final @Nullable String cycleCode;

		private final List<Column> columns = new ArrayList<>();

		private final List<List<@Nullable Object>> rows = new ArrayList<>();

		private Builder(String name, @Nullable String cycleCode) {
			this.name = name;
			this.cycleCode = cycleCode;
		}

		public Builder column(String heading, Kind kind) {
			this.columns.add(new Column(heading, kind));
			return this;
		}

		public Builder row(@Nullable Object... values) {
			if (values.length != this.columns.size()) {
				throw new IllegalArgumentException(
						"A row of " + values.length + " values for " + this.columns.size() + " columns");
			}
			for (int i = 0; i < values.length; i++) {
				check(this.columns.get(i), values[i]);
			}
			this.rows.add(Collections.unmodifiableList(Arrays.asList(values.clone())));
			return this;
		}

		public Table build() {
			return new Table(this.name, this.cycleCode, this.columns, this.rows);
		}

		private static void check(Column column, @Nullable Object value) {
			if (value == null) {
				return;
			}
			boolean fits = switch (column.kind()) {
				case TEXT, CODE -> value instanceof String;
				case INTEGER -> value instanceof Long;
				case PERCENT, POINTS -> value instanceof BigDecimal;
				case DATE -> value instanceof LocalDate;
			};
			if (!fits) {
				throw new IllegalArgumentException(
						column.heading() + " (" + column.kind() + ") cannot hold " + value.getClass().getSimpleName());
			}
		}

	}

}
