package org.a4p.portal.opendata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.a4p.portal.opendata.Files.Rows;
import org.a4p.portal.progress.Status;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.PublicContentFixture;
import org.a4p.portal.support.PublishedEntries;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.SignedInUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The dataset of a cycle: its tables match their {@code datapackage.json} schemas (headers, types, unique primary
 * keys, foreign keys that resolve), add up to the dashboard, and hold validated content only (a draft, a
 * submission and an edit after validation are present and absent from it); a published cycle's ZIP has a
 * validator; {@code /data} lists every cycle.
 */
@PortalTest
@Transactional
class DatasetTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	EntryTestSupport t;

	@BeforeEach
	void entries() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		// validated, then edited after validation: a draft of a new revision, never public
		new PublicContentFixture(this.t).validatedThenRedrafted("PAK", "POL-1", "SUBSTANTIAL",
				"Pakistan trained 300 officers.", "Training report", "https://example.org/pak-training", "COMPLETE",
				"Not validated yet.");
		PublishedEntries.validated(this.jdbc, "WPS-1", "EU", Status.COMPLETE);
		PublishedEntries.unpublished(this.jdbc, "POL-1", "PHL", Status.COMPLETE, "DRAFT");
		PublishedEntries.unpublished(this.jdbc, "POL-2", "PAK", Status.COMPLETE, "SUBMITTED");
	}

	/** A ZIP read back: its datapackage.json and each CSV's records (heading first). */
	record Dataset(JsonNode descriptor, String licence, Map<String, List<CSVRecord>> tables) {

		List<Map<String, String>> rows(String table) {
			List<CSVRecord> records = this.tables.get(table);
			List<String> headers = records.get(0).toList();
			List<Map<String, String>> rows = new ArrayList<>();
			for (CSVRecord record : records.subList(1, records.size())) {
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < headers.size(); i++) {
					row.put(headers.get(i), record.get(i));
				}
				rows.add(row);
			}
			return rows;
		}

	}

	private Dataset read(byte[] zip) throws IOException {
		JsonNode descriptor = null;
		String licence = null;
		Map<String, List<CSVRecord>> tables = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				byte[] bytes = in.readAllBytes();
				if (entry.getName().equals("datapackage.json")) {
					descriptor = this.json.readTree(bytes);
				}
				else if (entry.getName().equals("LICENCE.txt")) {
					licence = new String(bytes, StandardCharsets.UTF_8);
				}
				else {
					assertThat(bytes.length == 0 || bytes[0] != (byte) 0xEF).as(entry.getName() + " has no byte order mark").isTrue();
					tables.put(entry.getName(), CSVFormat.RFC4180.parse(
							new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)).getRecords());
				}
			}
		}
		assertThat(descriptor).isNotNull();
		return new Dataset(descriptor, licence, tables);
	}

	private String currentCycle() {
		return this.t.cycle;
	}

	private MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).exchange();
	}

	private Dataset download(String cycle) throws IOException {
		MvcTestResult result = get("/data/cycles/" + cycle + ".zip");
		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/zip");
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"a4p-dataset-" + cycle.toLowerCase() + ".zip\"; filename*=UTF-8''a4p-dataset-"
					+ cycle.toLowerCase() + ".zip");
		return read(result.getResponse().getContentAsByteArray());
	}

	@Test
	void everyTableMatchesItsSchemaAndItsKeysHold() throws IOException {
		Dataset dataset = download(currentCycle());
		JsonNode descriptor = dataset.descriptor();
		assertThat(descriptor.get("profile").asString()).isEqualTo("tabular-data-package");
		assertThat(descriptor.get("licenses").get(0).get("name").asString()).isEqualTo("CC-BY-4.0");
		assertThat(dataset.licence()).contains("CC BY 4.0").contains("United Nations' texts");
		Map<String, Map<String, Set<List<String>>>> keys = new HashMap<>();
		List<String> names = new ArrayList<>();
		for (JsonNode resource : descriptor.get("resources")) {
			String name = resource.get("name").asString();
			names.add(name);
			String path = resource.get("path").asString();
			assertThat(resource.get("format").asString()).isEqualTo("csv");
			assertThat(resource.get("mediatype").asString()).isEqualTo("text/csv");
			assertThat(resource.get("encoding").asString()).isEqualTo("utf-8");
			assertThat(dataset.tables()).as(path).containsKey(path);
			List<CSVRecord> records = dataset.tables().get(path);
			JsonNode schema = resource.get("schema");
			List<String> fields = new ArrayList<>();
			List<String> types = new ArrayList<>();
			for (JsonNode field : schema.get("fields")) {
				fields.add(field.get("name").asString());
				types.add(field.get("type").asString());
			}
			assertThat(records.get(0).toList()).as(path + " headers").containsExactlyElementsOf(fields);
			for (CSVRecord record : records.subList(1, records.size())) {
				assertThat(record.size()).as(path).isEqualTo(fields.size());
				for (int i = 0; i < fields.size(); i++) {
					assertType(path + " " + fields.get(i), types.get(i), record.get(i));
				}
			}
			List<String> primaryKey = new ArrayList<>();
			schema.get("primaryKey").forEach((f) -> primaryKey.add(f.asString()));
			Set<List<String>> seen = new HashSet<>();
			for (Map<String, String> row : dataset.rows(path)) {
				List<String> key = primaryKey.stream().map(row::get).toList();
				assertThat(key).as(path + " primary key").doesNotContain("");
				assertThat(seen.add(key)).as(path + " primary key unique: " + key).isTrue();
			}
			keys.computeIfAbsent(name, (n) -> new HashMap<>()).put(String.join(",", primaryKey), seen);
		}
		assertThat(names).containsExactly("areas", "area_texts", "commitments", "commitment_texts", "regions", "stakeholders",
				"endorsements", "capacities", "statuses", "entries", "evidence", "endorsement_counts");
		// foreign keys resolve (each references its target's primary key)
		for (JsonNode resource : descriptor.get("resources")) {
			JsonNode foreignKeys = resource.get("schema").get("foreignKeys");
			if (foreignKeys == null) {
				continue;
			}
			for (JsonNode fk : foreignKeys) {
				List<String> fields = new ArrayList<>();
				fk.get("fields").forEach((f) -> fields.add(f.asString()));
				List<String> referenced = new ArrayList<>();
				fk.get("reference").get("fields").forEach((f) -> referenced.add(f.asString()));
				Set<List<String>> targets = keys.get(fk.get("reference").get("resource").asString())
					.get(String.join(",", referenced));
				assertThat(targets).as("foreign key of " + resource.get("name") + " references a primary key").isNotNull();
				for (Map<String, String> row : dataset.rows(resource.get("path").asString())) {
					List<String> value = fields.stream().map(row::get).toList();
					if (!value.contains("")) {
						assertThat(targets).as(resource.get("name") + " " + fields + " resolves").contains(value);
					}
				}
			}
		}
		assertThat(dataset.rows("areas.csv")).hasSize(8);
		assertThat(dataset.rows("commitment_texts.csv").stream().map((r) -> r.get("lang")).distinct())
			.contains("en", "zh");
	}

	@Test
	void stakeholdersSayWhereEachMemberStateIsInTheM49Regions() throws IOException {
		Dataset dataset = download(currentCycle());
		JsonNode stakeholders = null;
		for (JsonNode resource : dataset.descriptor().get("resources")) {
			if (resource.get("name").asString().equals("stakeholders")) {
				stakeholders = resource.get("schema");
			}
		}
		assertThat(stakeholders).isNotNull();
		List<String> fields = new ArrayList<>();
		stakeholders.get("fields").forEach((f) -> fields.add(f.get("name").asString() + ":" + f.get("type").asString()));
		assertThat(fields).containsExactly("code:string", "kind:string", "iso2:string", "name_en:string",
				"m49_code:string", "region_code:string", "region_name:string", "subregion_code:string",
				"subregion_name:string", "intermediate_region_code:string", "intermediate_region_name:string");
		List<String> references = new ArrayList<>();
		stakeholders.get("foreignKeys").forEach((fk) -> references.add(fk.get("fields").get(0).asString() + "->"
				+ fk.get("reference").get("resource").asString() + "." + fk.get("reference").get("fields").get(0).asString()));
		assertThat(references).containsExactly("region_code->regions.code", "subregion_code->regions.code",
				"intermediate_region_code->regions.code");

		Map<String, Map<String, String>> byCode = new HashMap<>();
		dataset.rows("stakeholders.csv").forEach((s) -> byCode.put(s.get("code"), s));
		assertThat(byCode.get("PAK")).containsEntry("m49_code", "586").containsEntry("region_code", "142")
			.containsEntry("region_name", "Asia").containsEntry("subregion_code", "034")
			.containsEntry("subregion_name", "Southern Asia").containsEntry("intermediate_region_code", "")
			.containsEntry("intermediate_region_name", "");
		assertThat(byCode.get("BRA")).containsEntry("region_name", "Americas").containsEntry("subregion_code", "419")
			.containsEntry("intermediate_region_code", "005").containsEntry("intermediate_region_name", "South America");
		assertThat(byCode.get("EU")).containsEntry("region_code", "").containsEntry("region_name", "");
		// every Member State has a region and a sub-region; no one else has any
		for (Map<String, String> stakeholder : byCode.values()) {
			boolean state = stakeholder.get("kind").equals("MEMBER_STATE");
			assertThat(stakeholder.get("region_code").isEmpty()).as(stakeholder.get("code")).isEqualTo(!state);
			assertThat(stakeholder.get("subregion_name").isEmpty()).as(stakeholder.get("code")).isEqualTo(!state);
		}
		// the regions table: the tree, each level under the one above, matching the names above
		Map<String, Map<String, String>> regions = new HashMap<>();
		dataset.rows("regions.csv").forEach((r) -> regions.put(r.get("code"), r));
		assertThat(regions.get("142")).containsEntry("level", "REGION").containsEntry("parent_code", "")
			.containsEntry("name_en", "Asia");
		assertThat(regions.get("034")).containsEntry("level", "SUBREGION").containsEntry("parent_code", "142");
		assertThat(regions.get("005")).containsEntry("level", "INTERMEDIATE").containsEntry("parent_code", "419");
		assertThat(regions.values()).extracting((r) -> r.get("level")).containsOnly("REGION", "SUBREGION",
				"INTERMEDIATE");
	}

	private static void assertType(String what, String type, String value) {
		if (value.isEmpty()) {
			return;
		}
		switch (type) {
			case "integer" -> assertThat(value).as(what).matches("-?[0-9]+");
			case "number" -> assertThat(new BigDecimal(value)).as(what).isNotNull();
			case "date" -> assertThat(LocalDate.parse(value)).as(what).isNotNull();
			case "datetime" -> {
				assertThat(value).as(what).endsWith("Z");
				assertThat(Instant.parse(value)).as(what).isNotNull();
			}
			case "boolean" -> assertThat(value).as(what).isIn("true", "false");
			case "string" -> {
			}
			default -> throw new AssertionError(what + ": a type Table Schema does not have: " + type);
		}
	}

	@Test
	void itsStatusesAddUpToTheDashboard() throws IOException {
		Dataset dataset = download(currentCycle());
		Map<String, String> areaOf = new HashMap<>();
		dataset.rows("commitments.csv").forEach((c) -> areaOf.put(c.get("code"), c.get("area_code")));
		Map<String, Map<String, Long>> counted = new HashMap<>();
		for (Map<String, String> pair : dataset.rows("statuses.csv")) {
			counted.computeIfAbsent(areaOf.get(pair.get("commitment_code")), (a) -> new HashMap<>())
				.merge(pair.get("status"), 1L, Long::sum);
		}
		Rows dashboard = Files.csv(this.mvc.get().uri("/download/dashboard.csv").header("Accept-Language", "en")
			.exchange().getResponse().getContentAsByteArray());
		List<Status> columns = List.of(Status.COMPLETE, Status.SUBSTANTIAL, Status.LIMITED, Status.NOT_STARTED,
				Status.NO_EVIDENCE, Status.NOT_APPLICABLE);
		for (List<String> row : dashboard.rows()) {
			Map<String, Long> area = counted.getOrDefault(row.get(0), Map.of());
			for (int i = 0; i < columns.size(); i++) {
				assertThat(area.getOrDefault(columns.get(i).name(), 0L)).as(row.get(0) + " " + columns.get(i))
					.isEqualTo(Long.parseLong(row.get(2 + i)));
			}
		}
		assertThat(counted.get("POL").get("SUBSTANTIAL")).isEqualTo(1L);
	}

	@Test
	void onlyValidatedContentAppears() throws IOException {
		Dataset dataset = download(currentCycle());
		List<Map<String, String>> entries = dataset.rows("entries.csv");
		assertThat(entries).extracting((e) -> e.get("commitment_code") + "/" + e.get("stakeholder_code"))
			.containsExactlyInAnyOrder("POL-1/PAK", "WPS-1/EU");
		Map<String, String> pakistan = entries.stream().filter((e) -> e.get("stakeholder_code").equals("PAK"))
			.findFirst().orElseThrow();
		assertThat(pakistan.get("status")).isEqualTo("SUBSTANTIAL");
		assertThat(pakistan.get("narrative")).isEqualTo("Pakistan trained 300 officers.");
		assertThat(dataset.rows("evidence.csv")).containsExactly(Map.of("commitment_code", "POL-1", "stakeholder_code",
				"PAK", "position", "1", "title", "Training report", "url", "https://example.org/pak-training"));
		Map<String, String> statuses = new HashMap<>();
		dataset.rows("statuses.csv").forEach((s) -> statuses.put(s.get("commitment_code") + "/" + s.get("stakeholder_code"),
				s.get("status") + "/" + s.get("reported")));
		assertThat(statuses).containsEntry("POL-1/PHL", "NO_EVIDENCE/false").containsEntry("POL-2/PAK", "NO_EVIDENCE/true")
			.containsEntry("POL-1/PAK", "SUBSTANTIAL/true");
		String all = dataset.tables().values().toString();
		assertThat(all).doesNotContain("Not validated yet.");
	}

	@Test
	void aClosedCyclesZipIsWrittenOnceAndChangesOnlyWhenTheCycleIsRepublished() throws IOException {
		String cycle = currentCycle();
		long cycleId = this.t.count("select id from reporting_cycle where code = ?", cycle);
		assertThat(this.mvc.post().uri("/admin/cycles/" + cycleId + "/close").with(asAdmin()).with(csrf()).exchange())
			.hasStatus(HttpStatus.FOUND);
		long publication = publicationInForce(cycleId);
		MvcTestResult first = get("/data/cycles/" + cycle + ".zip");
		assertThat(first).hasStatus(HttpStatus.OK);
		byte[] published = first.getResponse().getContentAsByteArray();
		String etag = first.getResponse().getHeader("ETag");
		// a strong validator: the stored file's SHA-256
		assertThat(etag).matches("\"[0-9a-f]{64}\"");
		assertThat(etag).isEqualTo("\"" + this.jdbc.sql("select sha256 from published_dataset where publication_id = ?")
			.param(publication).query(String.class).single() + "\"");
		assertThat(first.getResponse().getHeader("Cache-Control")).isEqualTo("max-age=3600, public");
		assertThat(first.getResponse().getContentLengthLong()).isEqualTo(published.length);
		assertThat(this.mvc.get().uri("/data/cycles/" + cycle + ".zip").header("If-None-Match", etag).exchange())
			.hasStatus(HttpStatus.NOT_MODIFIED);
		// the permanent address of this publication's file: the same bytes, cached for good
		MvcTestResult permanent = get("/data/publications/" + publication + ".zip");
		assertThat(permanent.getResponse().getContentAsByteArray()).isEqualTo(published);
		assertThat(permanent.getResponse().getHeader("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
		assertThat(permanent.getResponse().getHeader("ETag")).isEqualTo(etag);

		// after the close: an entry, a commitment's text, an endorsement and a stakeholder's name change
		this.jdbc.sql("update progress_entry set published_status = 'COMPLETE' where published_status = 'SUBSTANTIAL'")
			.update();
		this.jdbc.sql("""
				update commitment_text set body = body || ' (amended)'
				where commitment_id = (select id from commitment where code = 'POL-1') and lang = 'en'
				  and catalogue_version_id = (select id from catalogue_version where is_current)""").update();
		this.jdbc.sql("update endorsement set withdrawn_on = date '2019-01-01', withdrawal_reason = 'After the close' "
				+ "where stakeholder_id = (select id from stakeholder where code = 'PHL') and withdrawn_on is null").update();
		this.jdbc.sql("update stakeholder set name_en = name_en || ' (renamed)' where code = 'EU'").update();
		MvcTestResult after = get("/data/cycles/" + cycle + ".zip");
		assertThat(after.getResponse().getHeader("ETag")).isEqualTo(etag);
		assertThat(after.getResponse().getContentAsByteArray()).isEqualTo(published);
		Dataset dataset = read(after.getResponse().getContentAsByteArray());
		assertThat(dataset.descriptor().get("a4p:cycle").get("state").asString()).isEqualTo("CLOSED");
		assertThat(dataset.descriptor().get("a4p:cycle").get("publication_id").asLong()).isEqualTo(publication);
		assertThat(dataset.rows("entries.csv")).extracting((e) -> e.get("status")).contains("SUBSTANTIAL")
			.doesNotContain("");
		assertThat(dataset.tables().values().toString()).doesNotContain("(amended)", "(renamed)", "After the close");

		// republished: a new file with what the records say now; the earlier one keeps its address and bytes
		assertThat(this.mvc.post().uri("/admin/cycles/" + cycleId + "/republish").with(asAdmin()).with(csrf())
			.param("reason", "Corrected entries").exchange()).hasStatus(HttpStatus.FOUND);
		long republished = publicationInForce(cycleId);
		assertThat(republished).isNotEqualTo(publication);
		MvcTestResult again = get("/data/cycles/" + cycle + ".zip");
		assertThat(again.getResponse().getHeader("ETag")).isNotEqualTo(etag);
		assertThat(again.getResponse().getContentAsByteArray()).isNotEqualTo(published);
		Dataset corrected = read(again.getResponse().getContentAsByteArray());
		assertThat(corrected.descriptor().get("a4p:cycle").get("publication_id").asLong()).isEqualTo(republished);
		assertThat(corrected.rows("entries.csv")).extracting((e) -> e.get("status")).contains("COMPLETE")
			.doesNotContain("SUBSTANTIAL");
		assertThat(corrected.rows("commitment_texts.csv")).filteredOn((c) -> c.get("commitment_code").equals("POL-1")
				&& c.get("lang").equals("en")).extracting((c) -> c.get("body")).allMatch((b) -> b.endsWith("(amended)"));
		assertThat(corrected.rows("endorsements.csv")).extracting((e) -> e.get("withdrawal_reason")).contains("After the close");
		assertThat(get("/data/publications/" + publication + ".zip").getResponse().getContentAsByteArray())
			.isEqualTo(published);
		assertThat(get("/data/publications/" + republished + ".zip").getResponse().getContentAsByteArray())
			.isEqualTo(again.getResponse().getContentAsByteArray());
		// the list links each published cycle to its publication's file
		assertThat(Html.get(this.mvc, "/data", "en").select("table.datasets a").eachAttr("href"))
			.contains("/data/publications/" + republished + ".zip");
	}

	@Test
	void aPublicationsFileIsStoredOnceAndItsLargeObjectGoesWithIt() {
		long cycleId = this.t.count("select id from reporting_cycle where code = ?", currentCycle());
		assertThat(this.mvc.post().uri("/admin/cycles/" + cycleId + "/close").with(asAdmin()).with(csrf()).exchange())
			.hasStatus(HttpStatus.FOUND);
		long publication = publicationInForce(cycleId);
		assertThat(get("/data/publications/" + publication + ".zip")).hasStatus(HttpStatus.OK);
		assertThat(get("/data/cycles/" + currentCycle() + ".zip")).hasStatus(HttpStatus.OK);
		assertThat(this.t.count("select count(*) from published_dataset where publication_id = ?", publication))
			.isEqualTo(1);
		long content = this.t.count("select content from published_dataset where publication_id = ?", publication);
		assertThat(this.t.count("select count(*) from pg_largeobject_metadata where oid = cast(? as oid)", content))
			.isEqualTo(1);
		this.jdbc.sql("delete from published_dataset where publication_id = ?").param(publication).update();
		assertThat(this.t.count("select count(*) from pg_largeobject_metadata where oid = cast(? as oid)", content))
			.isZero();
		assertThat(get("/data/publications/999999999.zip")).hasStatus(HttpStatus.NOT_FOUND);
	}

	private long publicationInForce(long cycleId) {
		return this.t.count("select id from publication where cycle_id = ? and superseded_at is null", cycleId);
	}

	@Test
	void theDataPageListsEveryCycleWithItsFileAndTheLicence() {
		PublishedEntries.closedCycle(this.jdbc, "2019");
		Document page = Html.get(this.mvc, "/data", "en");
		assertThat(page.title()).startsWith("Open data");
		assertThat(page.select("h1")).hasSize(1);
		assertThat(page.select("table.datasets tbody tr").eachAttr("data-code")).contains(currentCycle(), "2019");
		assertThat(page.select("table.datasets a").eachAttr("href")).contains("/data/cycles/" + currentCycle() + ".zip",
				"/data/cycles/2019.zip");
		assertThat(page.text()).contains("CC BY 4.0").contains("statuses.csv").contains("United Nations’ texts");
		assertThat(Html.get(this.mvc, "/data", "zh").select("h1").text()).isEqualTo("开放数据");
		assertThat(get("/data/cycles/1999.zip")).hasStatus(HttpStatus.NOT_FOUND);
	}

}
