package org.a4p.portal.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.api.Resources.Cycle;
import org.a4p.portal.api.Resources.CycleFigures;
import org.a4p.portal.api.Resources.Delta;
import org.a4p.portal.api.Resources.FigureRow;
import org.a4p.portal.api.Resources.Figures;
import org.a4p.portal.api.Resources.Page;
import org.a4p.portal.api.Resources.PublishedEntry;
import org.a4p.portal.api.Resources.Shown;
import org.a4p.portal.api.Resources.StakeholderName;
import org.a4p.portal.api.Resources.Validated;
import org.a4p.portal.catalogue.CatalogueQueries;
import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.progress.Change;
import org.a4p.portal.progress.FiguresQuery.Filter;
import org.a4p.portal.progress.FiguresQuery.GroupBy;
import org.a4p.portal.progress.FiguresQuery;
import org.a4p.portal.progress.StatusDistribution;
import org.a4p.portal.publication.Edition;
import org.a4p.portal.publication.Editions;
import org.a4p.portal.publication.ProgressViews.EntryPage;
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

/** Reporting cycles, the figures of a cycle (as the dashboard counts them), and its validated entries. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Cycles", description = "Reporting cycles, their figures and their validated entries")
class CycleApi {

	private final CycleQueries cycles;

	private final Editions editions;

	private final FiguresQuery figures;

	private final CatalogueQueries catalogue;

	private final ProgressViews views;

	CycleApi(CycleQueries cycles, Editions editions, FiguresQuery figures, CatalogueQueries catalogue,
			ProgressViews views) {
		this.cycles = cycles;
		this.editions = editions;
		this.figures = figures;
		this.catalogue = catalogue;
		this.views = views;
	}

	@GetMapping("/cycles")
	@Operation(summary = "The reporting cycles", description = "Every reporting cycle, latest first.")
	ResponseEntity<Page<Cycle>> cycles(@Parameter(description = Paging.PAGE) @RequestParam(required = false) @Nullable String page,
			@Parameter(description = Paging.SIZE) @RequestParam(required = false) @Nullable String size,
			HttpServletRequest request) {
		Paging paging = Paging.of(page, size);
		List<CycleView> all = this.cycles.all();
		CycleView current = all.stream().filter(CycleView::open).findFirst().orElse(all.isEmpty() ? null : all.get(0));
		return Answers.page(paging.of(all.stream().map((c) -> Cycle.of(c, current)).toList(), request));
	}

	@GetMapping("/cycles/{code}")
	@Operation(summary = "A reporting cycle")
	ResponseEntity<Cycle> cycle(@Parameter(example = "2025") @PathVariable String code) {
		List<CycleView> all = this.cycles.all();
		CycleView current = all.stream().filter(CycleView::open).findFirst().orElse(all.isEmpty() ? null : all.get(0));
		CycleView cycle = all.stream()
			.filter((c) -> c.code().equalsIgnoreCase(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("reporting cycle " + code));
		return Answers.ok(Cycle.of(cycle, current));
	}

	@GetMapping("/figures")
	@Operation(summary = "Figures of a cycle", description = "The validated figures of the cycle asked for, in all and per area, commitment or stakeholder (the dashboard's figures per area). Only what the public sees is counted.")
	@CycleParameter
	ResponseEntity<CycleFigures> figures(
			@Parameter(description = "How to group: area (default), commitment or stakeholder", schema = @Schema(allowableValues = { "area", "commitment", "stakeholder" })) @RequestParam(required = false) @Nullable String by,
			@Parameter(description = Paging.PAGE) @RequestParam(required = false) @Nullable String page,
			@Parameter(description = Paging.SIZE) @RequestParam(required = false) @Nullable String size, Locale locale,
			HttpServletRequest request) {
		Paging paging = Paging.of(page, size);
		String grouping = (by == null || by.isBlank()) ? "area" : by.strip().toLowerCase(Locale.ROOT);
		GroupBy groupBy = switch (grouping) {
			case "area" -> GroupBy.AREA;
			case "commitment" -> GroupBy.COMMITMENT;
			case "stakeholder" -> GroupBy.STAKEHOLDER;
			default -> throw new BadRequestException("by");
		};
		Edition edition = this.editions.resolve(request);
		CycleView cycle = edition.cycle();
		Map<String, StatusDistribution> groups = (cycle != null)
				? this.figures.distributions(cycle.id(), groupBy, edition.pairs(), Filter.NONE) : Map.of();
		Map<String, Change> changes = (cycle != null)
				? this.figures.changes(cycle.id(), groupBy, edition.pairs(), Filter.NONE) : Map.of();
		List<String> codes = switch (groupBy) {
			case AREA -> this.catalogue.areas(locale).stream().map((a) -> a.code()).toList();
			case COMMITMENT -> this.catalogue.commitments(locale).stream().map((c) -> c.code()).toList();
			default -> groups.keySet().stream().sorted().toList();
		};
		List<FigureRow> rows = codes.stream()
			.map((code) -> new FigureRow(code, Figures.of(groups.getOrDefault(code, StatusDistribution.EMPTY)),
					Delta.of(changes.get(code))))
			.toList();
		Page<FigureRow> groupPage = paging.of(rows, request);
		return Answers.paged(new CycleFigures(Shown.of(edition), grouping,
				Figures.of(StatusDistribution.sum(groups.values())), Delta.of(changes.get(FiguresQuery.TOTAL)),
				groupPage), groupPage.links());
	}

	@GetMapping("/entries")
	@Operation(summary = "Validated entries of a cycle", description = "Each validated entry of the cycle asked for: its published status, narrative and evidence links exactly as validated, and the day. Never a draft, a submission, or an edit made after validation. In catalogue order, then by stakeholder code.")
	@CycleParameter
	ResponseEntity<Page<PublishedEntry>> entries(
			@Parameter(description = Paging.PAGE) @RequestParam(required = false) @Nullable String page,
			@Parameter(description = Paging.SIZE) @RequestParam(required = false) @Nullable String size, Locale locale,
			HttpServletRequest request) {
		Paging paging = Paging.of(page, size);
		Edition edition = this.editions.resolve(request);
		CycleView cycle = edition.cycle();
		EntryPage entries = this.views.entries(edition, paging.offset(), paging.size(), locale);
		List<PublishedEntry> items = entries.entries()
			.stream()
			.map((e) -> new PublishedEntry((cycle != null) ? cycle.code() : "", e.areaCode(), e.commitmentCode(),
					StakeholderName.of(e.stakeholder()), e.status(), java.util.Objects.requireNonNull(Validated.of(e.text()))))
			.toList();
		return Answers.page(paging.page(items, entries.total(), request));
	}

}
