package org.a4p.portal.opendata;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.publication.CyclePublications.PublishedCycle;
import org.a4p.portal.publication.CyclePublications;
import org.a4p.portal.shared.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * {@code /data}: every reporting cycle with its dataset (one ZIP of CSV tables and a {@code datapackage.json}),
 * its publication date and "corrected on", the licence and what each table holds; and the ZIPs, streamed.
 * <p>
 * A published cycle's ZIP has an ETag made of its publication's id and a digest of the reference records it
 * includes (endorsements, capacities, stakeholders, catalogue, UN counts): its cycle tables change only when it
 * is republished. Shared caches may keep it five minutes; an open cycle's, shown live, one minute.
 */
@Controller
class DataController {

	private static final CacheControl PUBLISHED = CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic();

	private static final CacheControl LIVE = CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic();

	private final CyclePublications publications;

	private final DatasetZip zip;

	private final JdbcClient jdbc;

	private final Clock clock;

	DataController(CyclePublications publications, DatasetZip zip, JdbcClient jdbc, Clock clock) {
		this.publications = publications;
		this.zip = zip;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping("/data")
	String data(Model model) {
		model.addAttribute("cycles", this.publications.cycles());
		model.addAttribute("tables", Dataset.RESOURCES.stream().map(Dataset.Resource::name).toList());
		model.addAttribute("licenceUrl", DatasetZip.LICENCE_URL);
		return "data";
	}

	@GetMapping("/data/cycles/{code}.zip")
	void dataset(@PathVariable String code, ServletWebRequest request, HttpServletResponse response)
			throws IOException {
		List<PublishedCycle> cycles = this.publications.cycles();
		PublishedCycle cycle = cycles.stream()
			.filter((c) -> c.code().equalsIgnoreCase(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("reporting cycle " + code));
		Instant created;
		if (cycle.published() && cycle.publishedAt() != null) {
			String etag = "\"p" + cycle.publicationId() + "-" + referenceDigest() + "\"";
			if (request.checkNotModified(etag)) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, PUBLISHED.getHeaderValue());
				return;
			}
			response.setHeader(HttpHeaders.ETAG, etag);
			response.setHeader(HttpHeaders.CACHE_CONTROL, PUBLISHED.getHeaderValue());
			created = cycle.publishedAt().toInstant();
		}
		else {
			response.setHeader(HttpHeaders.CACHE_CONTROL, LIVE.getHeaderValue());
			created = this.clock.instant();
		}
		String fileName = fileName(cycle);
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(fileName));
		this.zip.write(cycle, created, response.getOutputStream());
	}

	static String fileName(PublishedCycle cycle) {
		return "a4p-dataset-" + cycle.code().toLowerCase(Locale.ROOT) + ".zip";
	}

	/**
	 * A digest of the reference records a dataset includes besides its cycle's tables, so that the ETag of a
	 * published cycle's ZIP changes when they do: one query over small tables.
	 */
	private String referenceDigest() {
		return this.jdbc.sql("""
				select left(md5(concat_ws('|',
				    (select string_agg(concat_ws(',', id, version, stakeholder_id, endorsed_on, withdrawn_on, md5(concat(source, note, withdrawal_reason))), ';' order by id) from endorsement),
				    (select string_agg(concat_ws(',', id, version, stakeholder_id, capacity, starts_on, ends_on, md5(coalesce(note, ''))), ';' order by id) from capacity_assignment),
				    (select string_agg(concat_ws(',', id, code, kind, iso2, name_en), ';' order by id) from stakeholder),
				    (select id from catalogue_version where is_current),
				    (select string_agg(concat_ws(',', id, position, as_of, member_states, organizations, note), ';' order by id)
				     from published_endorsement_count))), 16)""")
			.query(String.class)
			.single();
	}

}
