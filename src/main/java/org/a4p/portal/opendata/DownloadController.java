package org.a4p.portal.opendata;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.publication.OverviewTables;
import org.a4p.portal.publication.PublicTables;
import org.a4p.portal.shared.Table;
import org.a4p.portal.stakeholder.StakeholderKind;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The tables of the public pages as CSV or XLSX, for the cycle (and publication) the query names, in the
 * reader's language: {@code /download/PAGE.csv} beside {@code /PAGE}. What the public sees only (never
 * self-reported figures); the same cycle rules as the pages.
 */
@Controller
class DownloadController {

	private static final String FORMAT = "{format:csv|xlsx}";

	private static final String ORGANIZATIONS = "/download/organizations/";

	private static final String PUBLISHED_ENDORSEMENTS = "/download/endorsements/published.";

	private final PublicTables tables;

	private final OverviewTables overviews;

	private final EndorsementTables endorsements;

	private final Downloads downloads;

	DownloadController(PublicTables tables, OverviewTables overviews, EndorsementTables endorsements,
			Downloads downloads) {
		this.tables = tables;
		this.overviews = overviews;
		this.endorsements = endorsements;
		this.downloads = downloads;
	}

	@GetMapping("/download/dashboard." + FORMAT)
	ResponseEntity<byte[]> dashboard(@PathVariable String format, HttpServletRequest request, Locale locale,
			WebRequest web) {
		return answer(this.tables.dashboard(request, locale), format, locale, web);
	}

	@GetMapping("/download/areas/{code}." + FORMAT)
	ResponseEntity<byte[]> area(@PathVariable String code, @PathVariable String format, HttpServletRequest request,
			Locale locale, WebRequest web) {
		return answer(this.tables.area(code, request, locale), format, locale, web);
	}

	@GetMapping("/download/commitments/{code}." + FORMAT)
	ResponseEntity<byte[]> commitment(@PathVariable String code, @PathVariable String format,
			HttpServletRequest request, Locale locale, WebRequest web) {
		return answer(this.tables.commitment(code, request, locale), format, locale, web);
	}

	@GetMapping("/download/stakeholders/secretariat." + FORMAT)
	ResponseEntity<byte[]> secretariat(@PathVariable String format, HttpServletRequest request, Locale locale,
			WebRequest web) {
		return answer(this.tables.stakeholder(StakeholderKind.SECRETARIAT, "SECRETARIAT", request, locale), format,
				locale, web);
	}

	/**
	 * A Member State's table under {@code /download/stakeholders/}, an organization's under
	 * {@code /download/organizations/}: the kind the address names (as on the pages), else 404.
	 */
	@GetMapping({ "/download/stakeholders/{code}." + FORMAT, ORGANIZATIONS + "{code}." + FORMAT })
	ResponseEntity<byte[]> stakeholder(@PathVariable String code, @PathVariable String format,
			HttpServletRequest request, Locale locale, WebRequest web) {
		StakeholderKind kind = matched(request).startsWith(ORGANIZATIONS) ? StakeholderKind.ORGANIZATION
				: StakeholderKind.MEMBER_STATE;
		return answer(this.tables.stakeholder(kind, code, request, locale), format, locale, web);
	}

	@GetMapping("/download/stakeholders/progress." + FORMAT)
	ResponseEntity<byte[]> overview(@PathVariable String format, HttpServletRequest request, Locale locale,
			WebRequest web) {
		return answer(this.overviews.overview(request, locale), format, locale, web);
	}

	@GetMapping("/download/stakeholders/progress/areas." + FORMAT)
	ResponseEntity<byte[]> matrix(@PathVariable String format, HttpServletRequest request, Locale locale,
			WebRequest web) {
		return answer(this.overviews.matrix(request, locale), format, locale, web);
	}

	@GetMapping("/download/commitments/collective." + FORMAT)
	ResponseEntity<byte[]> collective(@PathVariable String format, HttpServletRequest request, Locale locale,
			WebRequest web) {
		return answer(this.overviews.collective(request, locale), format, locale, web);
	}

	/** The endorsements recorded in the portal, or ({@code /published}) the counts the UN has published. */
	@GetMapping({ "/download/endorsements." + FORMAT, PUBLISHED_ENDORSEMENTS + FORMAT })
	ResponseEntity<byte[]> endorsements(@PathVariable String format, HttpServletRequest request, Locale locale,
			WebRequest web) {
		Table table = matched(request).startsWith(PUBLISHED_ENDORSEMENTS)
				? this.endorsements.published(request, locale) : this.endorsements.recorded(request, locale);
		return answer(table, format, locale, web);
	}

	/** The pattern of the mapping that matched the request. */
	private static String matched(HttpServletRequest request) {
		return String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
	}

	private ResponseEntity<byte[]> answer(Table table, String format, Locale locale, WebRequest web) {
		return this.downloads.answer(table, format, locale, web);
	}

}
