package org.a4p.portal.api;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.api.Resources.AreaDetail;
import org.a4p.portal.api.Resources.Commitment;
import org.a4p.portal.api.Resources.CommitmentDetail;
import org.a4p.portal.api.Resources.CommitmentFigures;
import org.a4p.portal.api.Resources.Delta;
import org.a4p.portal.api.Resources.Figures;
import org.a4p.portal.api.Resources.Page;
import org.a4p.portal.api.Resources.Shown;
import org.a4p.portal.api.Resources.StakeholderName;
import org.a4p.portal.api.Resources.StakeholderStatus;
import org.a4p.portal.api.Resources.Validated;
import org.a4p.portal.catalogue.CatalogueQueries.CommitmentSummary;
import org.a4p.portal.catalogue.CatalogueQueries;
import org.a4p.portal.progress.StatusDistribution;
import org.a4p.portal.publication.Edition;
import org.a4p.portal.publication.Editions;
import org.a4p.portal.publication.ProgressViews.AreaView;
import org.a4p.portal.publication.ProgressViews.CommitmentView;
import org.a4p.portal.publication.ProgressViews;
import org.a4p.portal.shared.BadRequestException;
import org.a4p.portal.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Areas and commitments: the catalogue, and each one's figures in a cycle (as the area and commitment pages). */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Catalogue", description = "Areas and commitments of the Declaration, and how they stand in a cycle")
class CatalogueApi {

	private final CatalogueQueries catalogue;

	private final ProgressViews views;

	private final Editions editions;

	CatalogueApi(CatalogueQueries catalogue, ProgressViews views, Editions editions) {
		this.catalogue = catalogue;
		this.views = views;
		this.editions = editions;
	}

	@GetMapping("/areas")
	@Operation(summary = "The areas", description = "The eight areas in their order.")
	ResponseEntity<Page<Resources.Area>> areas(@Parameter(description = Paging.PAGE) @RequestParam(required = false) @Nullable String page,
			@Parameter(description = Paging.SIZE) @RequestParam(required = false) @Nullable String size, Locale locale,
			HttpServletRequest request) {
		return Answers.page(Paging.of(page, size)
			.of(this.catalogue.areas(locale).stream().map(Resources.Area::of).toList(), request));
	}

	@GetMapping("/areas/{code}")
	@Operation(summary = "An area in a cycle", description = "Its texts, its figures and those of each of its commitments in the cycle asked for (the current one by default), as the area page shows them.")
	@CycleParameter
	ResponseEntity<AreaDetail> area(@Parameter(example = "POL") @PathVariable String code, Locale locale,
			HttpServletRequest request) {
		Edition edition = this.editions.resolve(request);
		String upper = code.toUpperCase(Locale.ROOT);
		AreaView view = this.views.area(upper, edition, locale).orElseThrow(() -> new NotFoundException("area " + code));
		List<CommitmentFigures> commitments = view.commitments()
			.stream()
			.map((c) -> new CommitmentFigures(c.commitment().code(), c.commitment().title(),
					Figures.of(c.distribution()), Delta.of(view.change(c.commitment().code())),
					"/api/v1/commitments/" + c.commitment().code()))
			.toList();
		var a = view.area();
		return Answers.ok(new AreaDetail(a.code(), a.position(), a.name(), a.shortName(), a.statement(),
				a.secretariatAction(), a.textLang(), Shown.of(edition), Figures.of(view.total()),
				Delta.of(view.totalChange()), commitments));
	}

	@GetMapping("/commitments")
	@Operation(summary = "The commitments", description = "Every commitment in catalogue order, or those of one area.")
	ResponseEntity<Page<Commitment>> commitments(@Parameter(description = "Only this area's commitments", example = "POL") @RequestParam(required = false) @Nullable String area,
			@Parameter(description = Paging.PAGE) @RequestParam(required = false) @Nullable String page,
			@Parameter(description = Paging.SIZE) @RequestParam(required = false) @Nullable String size, Locale locale,
			HttpServletRequest request) {
		Paging paging = Paging.of(page, size);
		List<CommitmentSummary> commitments;
		if (area == null || area.isBlank()) {
			commitments = this.catalogue.commitments(locale);
		}
		else {
			String code = area.strip().toUpperCase(Locale.ROOT);
			if (!code.matches("[A-Z]{3}")) {
				throw new BadRequestException("area");
			}
			if (this.catalogue.area(code, locale).isEmpty()) {
				throw new NotFoundException("area " + code);
			}
			commitments = this.catalogue.commitmentsInArea(code, locale);
		}
		return Answers.page(paging.of(commitments.stream().map(Commitment::of).toList(), request));
	}

	@GetMapping("/commitments/{code}")
	@Operation(summary = "A commitment in a cycle", description = "Its text, its figures in the cycle asked for, and the published status of each stakeholder it applies to, with what was validated (as the commitment page shows them).")
	@CycleParameter
	ResponseEntity<CommitmentDetail> commitment(@Parameter(example = "POL-1") @PathVariable String code, Locale locale,
			HttpServletRequest request) {
		Edition edition = this.editions.resolve(request);
		String upper = code.toUpperCase(Locale.ROOT);
		CommitmentView view = this.views.commitment(upper, edition, locale)
			.orElseThrow(() -> new NotFoundException("commitment " + code));
		var c = view.commitment();
		List<StakeholderStatus> stakeholders = view.stakeholders()
			.stream()
			.map((s) -> new StakeholderStatus(StakeholderName.of(s.stakeholder()), s.status(), Validated.of(s.text())))
			.toList();
		StatusDistribution distribution = view.distribution();
		return Answers.ok(new CommitmentDetail(c.code(), c.areaCode(), c.areaName(), c.position(), c.owner().name(),
				c.capacity(), c.title(), c.body(), c.textLang(), Shown.of(edition), Figures.of(distribution),
				stakeholders));
	}

}
