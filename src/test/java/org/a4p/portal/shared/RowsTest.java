package org.a4p.portal.shared;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.a4p.portal.support.PortalTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Rows} maps a result to records as {@code JdbcClient.query(Class)} does (same columns, same conversions),
 * without the exception per multi-word column.
 */
@PortalTest
class RowsTest {

	enum Colour {
		RED, GREEN
	}

	record Sample(long id, String shortName, @Nullable String longerNameHere, LocalDate periodStart,
			OffsetDateTime validatedAt, BigDecimal share, boolean open, Colour colour, @Nullable Integer missingValue) {
	}

	private static final String SQL = """
			select * from (values
			  (1, 'a', 'first', date '2026-01-01', timestamptz '2026-03-01 10:00:00+00', 12.5, true, 'RED', 3),
			  (2, 'b', null, date '2026-02-01', timestamptz '2026-03-02 11:30:00+00', 0.0, false, 'GREEN', null))
			  as t(id, short_name, "longerNameHere", period_start, validated_at, share, open, colour, missing_value)
			order by id
			""";

	@Autowired
	JdbcClient jdbc;

	@Test
	void mapsAsSpringsPropertyRowMapperDoes() {
		List<Sample> ours = this.jdbc.sql(SQL).query(Rows.of(Sample.class)).list();
		List<Sample> springs = this.jdbc.sql(SQL).query(Sample.class).list();
		assertThat(ours).hasSize(2).isEqualTo(springs);
		assertThat(ours.get(0).shortName()).isEqualTo("a");
		assertThat(ours.get(0).longerNameHere()).isEqualTo("first");
		assertThat(ours.get(0).colour()).isEqualTo(Colour.RED);
		assertThat(ours.get(0).validatedAt().toInstant()).hasToString("2026-03-01T10:00:00Z");
		assertThat(ours.get(1).longerNameHere()).isNull();
		assertThat(ours.get(1).missingValue()).isNull();
	}

	record Pair(String code, long count) {
	}

	/** As the driver's findColumn (Spring's mapper then fails on the second: it tries to set the record's field). */
	@Test
	void ofTwoColumnsOfOneNameTheFirstCounts() {
		String sql = "select 'first' as code, 1 as count, 'second' as code";
		assertThat(this.jdbc.sql(sql).query(Rows.of(Pair.class)).single()).isEqualTo(new Pair("first", 1));
	}

	/** Simple values map with a single-column mapper, which throws nothing; anything else goes through Rows. */
	static final Set<String> SINGLE_COLUMN = Set.of("String", "Long", "Integer", "Boolean", "BigDecimal", "LocalDate",
			"Instant", "OffsetDateTime", "UUID");

	@Test
	void thePortalMapsRecordsWithRows() throws IOException {
		Pattern byClass = Pattern.compile("\\.query\\(\\s*([A-Z][\\w.]*)\\.class\\s*\\)");
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				Matcher m = byClass.matcher(Files.readString(file));
				while (m.find()) {
					if (!SINGLE_COLUMN.contains(m.group(1)) && !file.endsWith("Rows.java")) {
						offenders.add(file + ": " + m.group());
					}
				}
			}
		}
		assertThat(offenders).as("use .query(Rows.of(X.class)): Spring's mapper throws per multi-word column")
			.isEmpty();
	}

	@Test
	void aMissingColumnIsAnErrorNamingIt() {
		assertThatThrownBy(() -> this.jdbc.sql("select 'x' as code").query(Rows.of(Pair.class)).single())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("No column count")
			.hasMessageContaining(Pair.class.getName());
	}

}
