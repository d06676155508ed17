package org.a4p.portal.opendata;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.publication.CyclePublications.PublishedCycle;
import org.a4p.portal.publication.CyclePublications;
import org.a4p.portal.shared.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * {@code /data}: every reporting cycle with its dataset (one ZIP of CSV tables and a {@code datapackage.json}),
 * its publication date and "corrected on", the licence and what each table holds; and the ZIPs.
 * <p>
 * A published cycle's ZIP is its publication's stored file ({@link PublishedDatasets}), streamed as stored with
 * its SHA-256 as a strong ETag: at {@code /data/publications/ID.zip}, the address the list links to, which never
 * changes its bytes (cached for a year, {@code immutable}); and at the cycle's address, which a republication
 * moves to the new file (cached an hour, then revalidated by the ETag). An open cycle's ZIP is written as it is
 * downloaded, live, and cached a minute.
 */
@Controller
class DataController {

	private static final CacheControl STORED_IN_FORCE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

	private static final CacheControl STORED_FOREVER = CacheControl.maxAge(Duration.ofDays(365))
		.cachePublic()
		.immutable();

	private static final CacheControl LIVE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

	private final CyclePublications publications;

	private final DatasetZip zip;

	private final PublishedDatasets stored;

	private final Clock clock;

	DataController(CyclePublications publications, DatasetZip zip, PublishedDatasets stored, Clock clock) {
		this.publications = publications;
		this.zip = zip;
		this.stored = stored;
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
		PublishedCycle cycle = this.publications.cycles()
			.stream()
			.filter((c) -> c.code().equalsIgnoreCase(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("reporting cycle " + code));
		if (cycle.published()) {
			serve(cycle, this.stored.ensure(cycle), STORED_IN_FORCE, request, response);
			return;
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, LIVE.getHeaderValue());
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(fileName(cycle)));
		this.zip.write(cycle, this.clock.instant(), response.getOutputStream());
	}

	/**
	 * A publication's stored file, the publication in force or one it replaced (if its file was stored); 404 for
	 * any other number.
	 */
	@GetMapping("/data/publications/{id}.zip")
	void publication(@PathVariable String id, ServletWebRequest request, HttpServletResponse response)
			throws IOException {
		long publicationId = publicationId(id);
		List<PublishedCycle> cycles = this.publications.cycles();
		PublishedCycle inForce = cycles.stream()
			.filter((c) -> c.published() && Objects.equals(c.publicationId(), publicationId))
			.findFirst()
			.orElse(null);
		if (inForce != null) {
			serve(inForce, this.stored.ensure(inForce), STORED_FOREVER, request, response);
			return;
		}
		PublishedDatasets.Stored file = this.stored.stored(publicationId)
			.orElseThrow(() -> new NotFoundException("publication " + id));
		long cycleId = this.stored.cycleOf(publicationId);
		PublishedCycle cycle = cycles.stream()
			.filter((c) -> c.cycleId() == cycleId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("publication " + id));
		serve(cycle, file, STORED_FOREVER, request, response);
	}

	private static long publicationId(String id) {
		if (!id.matches("[1-9][0-9]{0,17}")) {
			throw new NotFoundException("publication " + id);
		}
		return Long.parseLong(id);
	}

	private void serve(PublishedCycle cycle, PublishedDatasets.Stored file, CacheControl cacheControl,
			ServletWebRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl.getHeaderValue());
		if (request.checkNotModified(file.etag())) {
			return;
		}
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(fileName(cycle)));
		response.setContentLengthLong(file.size());
		this.stored.copy(file, response.getOutputStream());
	}

	static String fileName(PublishedCycle cycle) {
		return "a4p-dataset-" + cycle.code().toLowerCase(Locale.ROOT) + ".zip";
	}

}
