package org.a4p.portal.report;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.publication.Edition;
import org.a4p.portal.publication.ProgressViews;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.stakeholder.StakeholderKind;
import org.a4p.portal.stakeholder.StakeholderQueries;
import org.a4p.portal.stakeholder.StakeholderRef;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The printable reports, as pages ({@code /reports/...}) and as PDF ({@code /reports/....pdf}), for the cycle
 * and publication the request names ({@code ?cycle=}, as every public page). A PDF is the same page, rendered
 * by {@link PdfReports}.
 */
@Controller
class ReportController {

	private static final String SECRETARIAT = "SECRETARIAT";

	private final StakeholderQueries stakeholders;

	private final ProgressViews views;

	private final PdfReports pdf;

	ReportController(StakeholderQueries stakeholders, ProgressViews views, PdfReports pdf) {
		this.stakeholders = stakeholders;
		this.views = views;
		this.pdf = pdf;
	}

	@GetMapping("/reports/secretariat")
	String secretariat(Edition edition, Locale locale, Model model) {
		return stakeholderReport(SECRETARIAT, edition, locale, model);
	}

	@GetMapping("/reports/secretariat.pdf")
	void secretariatPdf(Edition edition, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		this.pdf.write(stakeholderReport(SECRETARIAT, edition, locale, model), model, fileName("secretariat",
				edition, locale), request, response);
	}

	@GetMapping("/reports/stakeholders/{code}")
	String stakeholder(@PathVariable String code, Edition edition, Locale locale, Model model) {
		return stakeholderReport(code, edition, locale, model);
	}

	@GetMapping("/reports/stakeholders/{code}.pdf")
	void stakeholderPdf(@PathVariable String code, Edition edition, Locale locale, Model model,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.pdf.write(stakeholderReport(code, edition, locale, model), model,
				fileName(code.toLowerCase(Locale.ROOT), edition, locale), request, response);
	}

	@GetMapping("/reports/areas/{code}")
	String area(@PathVariable String code, Edition edition, Locale locale, Model model) {
		return areaReport(code, edition, locale, model);
	}

	@GetMapping("/reports/areas/{code}.pdf")
	void areaPdf(@PathVariable String code, Edition edition, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		this.pdf.write(areaReport(code, edition, locale, model), model,
				fileName("area-" + code.toLowerCase(Locale.ROOT), edition, locale), request, response);
	}

	private String stakeholderReport(String code, Edition edition, Locale locale, Model model) {
		String upper = code.toUpperCase(Locale.ROOT);
		StakeholderRef stakeholder = this.stakeholders.find(upper, locale)
			.filter((s) -> upper.equals(SECRETARIAT) == (s.kind() == StakeholderKind.SECRETARIAT))
			.orElseThrow(() -> new NotFoundException("stakeholder " + code));
		model.addAttribute("view", this.views.stakeholder(stakeholder, edition, locale));
		String path = (stakeholder.kind() == StakeholderKind.SECRETARIAT) ? "/reports/secretariat"
				: "/reports/stakeholders/" + stakeholder.code();
		addLinks(model, edition, path);
		return "reports/stakeholder";
	}

	private String areaReport(String code, Edition edition, Locale locale, Model model) {
		String upper = code.toUpperCase(Locale.ROOT);
		model.addAttribute("view",
				this.views.area(upper, edition, locale).orElseThrow(() -> new NotFoundException("area " + code)));
		addLinks(model, edition, "/reports/areas/" + upper);
		return "reports/area";
	}

	/** The origin printed before the report's links (so that a printed address is whole), and the PDF's address. */
	private static void addLinks(Model model, Edition edition, String path) {
		model.addAttribute("origin", ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
		model.addAttribute("pdfLink", edition.link(path + ".pdf"));
	}

	/** E.g. {@code a4p-report-pak-2025-zh.pdf}. */
	private static String fileName(String subject, Edition edition, Locale locale) {
		String cycle = (edition.cycle() != null) ? "-" + edition.cycle().code() : "";
		return "a4p-report-" + subject + cycle + "-" + locale.getLanguage() + ".pdf";
	}

}
