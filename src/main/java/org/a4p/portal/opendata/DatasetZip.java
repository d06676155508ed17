package org.a4p.portal.opendata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.a4p.portal.opendata.Dataset.Field;
import org.a4p.portal.opendata.Dataset.ForeignKey;
import org.a4p.portal.opendata.Dataset.Resource;
import org.a4p.portal.publication.CyclePublications.PublishedCycle;
import org.a4p.portal.publication.ProgressViews;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a reporting cycle's dataset as a ZIP straight to an output stream: {@code datapackage.json}, a licence
 * statement, then each table of {@link Dataset} as CSV (UTF-8 without a byte order mark, as Frictionless tools
 * expect; RFC 4180 with CRLF), its rows streamed from PostgreSQL with a fetch size inside one read-only
 * transaction (one snapshot for every table). Nothing is held in memory beyond one fetch of rows and the
 * deflater's buffers, whatever the number of entries.
 */
@Component
class DatasetZip {

	/** Rows fetched from PostgreSQL at a time (the JDBC driver streams only inside a transaction). */
	static final int FETCH_SIZE = 2000;

	static final String LICENCE_NAME = "CC-BY-4.0";

	static final String LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";

	static final String LICENCE_FILE = "LICENCE.txt";

	private static final String LICENCE_TEXT = """
			A4P commitments portal: dataset of reporting cycle %s

			The data in this archive (the tables and datapackage.json) is published under the Creative Commons
			Attribution 4.0 International licence (CC BY 4.0): %s
			You may share and adapt it for any purpose, provided you give appropriate credit ("A4P commitments
			portal"), link to the licence and indicate if changes were made.

			The texts of the Declaration of Shared Commitments on UN Peacekeeping Operations and of its commitments
			(area_texts.csv, commitment_texts.csv) are the United Nations' texts; they are reproduced here for
			reference and are not covered by this licence. The endorsement counts published by the UN
			(endorsement_counts.csv) are the UN's figures.

			This portal is not an official United Nations website.
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	private final JsonMapper json;

	private final ProgressViews views;

	DatasetZip(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, ProgressViews views) {
		this.jdbc = jdbc;
		this.views = views;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.json = json;
	}

	/**
	 * Writes the cycle's dataset. {@code created} dates the package and every entry of the ZIP (the publication's
	 * time for a published cycle, so that its bytes do not change between downloads).
	 */
	void write(PublishedCycle cycle, Instant created, OutputStream out) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		FileTime time = FileTime.from(created.truncatedTo(ChronoUnit.SECONDS));
		entry(zip, "datapackage.json", time);
		zip.write(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(descriptor(cycle, created)));
		zip.closeEntry();
		entry(zip, LICENCE_FILE, time);
		zip.write(LICENCE_TEXT.formatted(cycle.code(), LICENCE_URL).getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
		try {
			this.readOnly.executeWithoutResult((status) -> {
				for (Resource resource : Dataset.RESOURCES) {
					try {
						entry(zip, resource.path(), time);
						table(resource, cycle.cycleId(), zip);
						zip.closeEntry();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		zip.finish();
		zip.flush();
	}

	private static void entry(ZipOutputStream zip, String name, FileTime time) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		entry.setLastModifiedTime(time);
		zip.putNextEntry(entry);
	}

	private void table(Resource resource, long cycleId, OutputStream out) throws IOException {
		// not closed: closing would close the ZIP
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
		printer.printRecord(resource.headers());
		var fromEntry = resource.fromEntry();
		if (fromEntry != null) {
			this.views.eachEntry(cycleId, Locale.ENGLISH, FETCH_SIZE, (entry) -> {
				try {
					for (List<String> row : fromEntry.apply(entry)) {
						printer.printRecord(row);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			printer.flush();
			return;
		}
		int width = resource.fields().size();
		var statement = this.jdbc.sql(Objects.requireNonNull(resource.sql())).withFetchSize(FETCH_SIZE);
		if (resource.perCycle()) {
			statement = statement.param("cycle", cycleId);
		}
		statement.query((rs) -> {
			try {
				for (int i = 1; i <= width; i++) {
					String value = rs.getString(i);
					printer.print((value != null) ? value : "");
				}
				printer.println();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		printer.flush();
	}

	/** The Frictionless Data Package (v1) descriptor of the cycle's dataset. */
	Map<String, Object> descriptor(PublishedCycle cycle, Instant created) {
		Map<String, Object> descriptor = new LinkedHashMap<>();
		descriptor.put("profile", "tabular-data-package");
		descriptor.put("name", "a4p-commitments-" + cycle.code().toLowerCase(Locale.ROOT));
		descriptor.put("title", "A4P commitments portal: reporting cycle " + cycle.code());
		descriptor.put("description", "What the public sees of reporting cycle " + cycle.code() + " ("
				+ cycle.periodStart() + " to " + cycle.periodEnd() + ") on the A4P commitments portal: "
				+ (cycle.published() ? "as published on " + cycle.publishedOn() : "live, as it stands")
				+ ". Validated content only: drafts and submissions never appear. The reference tables (areas, "
				+ "commitments, stakeholders, endorsements, capacities, UN counts) are the portal's records "
				+ (cycle.published() ? "when this publication's file was written, just after it was recorded."
						: "at the time of the download."));
		descriptor.put("created", DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS)));
		descriptor.put("licenses", List.of(Map.of("name", LICENCE_NAME, "path", LICENCE_URL, "title",
				"Creative Commons Attribution 4.0 International")));
		Map<String, Object> about = new LinkedHashMap<>();
		about.put("code", cycle.code());
		about.put("period_start", cycle.periodStart().toString());
		about.put("period_end", cycle.periodEnd().toString());
		about.put("state", cycle.open() ? "OPEN" : "CLOSED");
		about.put("publication_id", cycle.publicationId());
		about.put("published_on", (cycle.publishedOn() != null) ? cycle.publishedOn().toString() : null);
		about.put("corrected_on", (cycle.correctedOn() != null) ? cycle.correctedOn().toString() : null);
		descriptor.put("a4p:cycle", about);
		descriptor.put("resources", Dataset.RESOURCES.stream().map(DatasetZip::resource).toList());
		return descriptor;
	}

	private static Map<String, Object> resource(Resource resource) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", resource.name());
		map.put("path", resource.path());
		map.put("profile", "tabular-data-resource");
		map.put("title", resource.title());
		map.put("description", resource.description());
		map.put("format", "csv");
		map.put("mediatype", "text/csv");
		map.put("encoding", "utf-8");
		map.put("dialect", Map.of("delimiter", ",", "lineTerminator", "\r\n", "quoteChar", "\"", "doubleQuote", true,
				"header", true));
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("fields", resource.fields().stream().map(DatasetZip::field).toList());
		schema.put("missingValues", List.of(""));
		schema.put("primaryKey", resource.primaryKey());
		if (!resource.foreignKeys().isEmpty()) {
			schema.put("foreignKeys", resource.foreignKeys().stream().map(DatasetZip::foreignKey).toList());
		}
		map.put("schema", schema);
		return map;
	}

	private static Map<String, Object> field(Field field) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", field.name());
		map.put("type", field.type());
		map.put("description", field.description());
		return map;
	}

	private static Map<String, Object> foreignKey(ForeignKey key) {
		return Map.of("fields", key.fields(), "reference",
				Map.of("resource", key.resource(), "fields", key.referenced()));
	}

}
