package org.a4p.portal.publication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.catalogue.CatalogueQueries.AreaSummary;
import org.a4p.portal.catalogue.CatalogueQueries;
import org.a4p.portal.catalogue.Owner;
import org.a4p.portal.cycle.CycleChoice;
import org.a4p.portal.cycle.CycleChoices;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.progress.Basis;
import org.a4p.portal.progress.FiguresQuery.Filter;
import org.a4p.portal.progress.FiguresQuery.GroupBy;
import org.a4p.portal.progress.FiguresQuery;
import org.a4p.portal.progress.Status;
import org.a4p.portal.progress.StatusDistribution;
import org.a4p.portal.publication.StakeholderProgressQuery.MatrixRow;
import org.a4p.portal.publication.StakeholderProgressQuery.Row;
import org.a4p.portal.shared.BadRequestException;
import org.a4p.portal.shared.Table.Kind;
import org.a4p.portal.shared.Table;
import org.a4p.portal.stakeholder.StakeholderQueries.Region;
import org.a4p.portal.stakeholder.StakeholderQueries;
import org.a4p.portal.stakeholder.StakeholderRef;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tables of the progress-per-stakeholder pages as a reader downloads them: the overview, the stakeholders by
 * area and the collective commitments, for the cycle, filters and sort order of the request, with the pages' rules
 * (a value that is not a choice is a 400) and from the same queries ({@link StakeholderProgressQuery},
 * {@link FiguresQuery}).
 */
@Service
@Transactional(readOnly = true)
public class OverviewTables {

	private static final Set<String> ASCENDING = Set.of("name");

	private static final String COLLECTIVE = "COLLECTIVE";

	private final CycleChoices cycles;

	private final StakeholderProgressQuery progress;

	private final StakeholderQueries stakeholders;

	private final CatalogueQueries catalogue;

	private final FiguresQuery figures;

	private final MessageSource messages;

	OverviewTables(CycleChoices cycles, StakeholderProgressQuery progress, StakeholderQueries stakeholders,
			CatalogueQueries catalogue, FiguresQuery figures, MessageSource messages) {
		this.cycles = cycles;
		this.progress = progress;
		this.stakeholders = stakeholders;
		this.catalogue = catalogue;
		this.figures = figures;
		this.messages = messages;
	}

	/** The overview: one row per stakeholder shown, the collective commitments as a whole first. */
	public Table overview(HttpServletRequest request, Locale locale) {
		CycleChoice choice = this.cycles.choose(request);
		List<ProgressFilters.Problem> problems = new ArrayList<>();
		ProgressFilters.Parsed filters = filters(request, problems);
		Sorting sorting = Sorting.parse(request.getParameter("sort"), request.getParameter("dir"),
				StakeholderProgressController.OVERVIEW_COLUMNS, ASCENDING, problems);
		refuse(problems);
		CycleView cycle = choice.cycle();
		StakeholderProgressQuery.Overview overview = (cycle != null) ? this.progress.overview(cycle, filters, locale)
				: null;
		String previous = (overview != null) ? overview.previousCycle() : null;
		Table.Builder table = Table.builder("stakeholders-progress", (cycle != null) ? cycle.code() : null)
			.column(text("download.stakeholder-code", locale), Kind.CODE)
			.column(text("overview.column.name", locale), Kind.TEXT)
			.column(text("commitment.kind", locale), Kind.CODE)
			.column(text("overview.column.share", locale), Kind.PERCENT)
			.column((previous != null) ? text("overview.column.change", locale, previous)
					: text("overview.column.change.first", locale), Kind.POINTS)
			.column(text("overview.column.pairs", locale), Kind.INTEGER);
		statusColumns(table, locale);
		table.column(text("overview.column.compliance", locale), Kind.PERCENT)
			.column(text("overview.column.validated", locale), Kind.DATE);
		if (overview != null) {
			if (overview.collective() != null) {
				overviewRow(table, overview.collective(), COLLECTIVE, text("overview.collective", locale), null);
			}
			List<Row> rows = new ArrayList<>(overview.rows());
			rows.sort(StakeholderProgressController.overviewOrder(sorting, locale));
			for (Row row : rows) {
				StakeholderRef s = row.stakeholder();
				overviewRow(table, row, s.code(), s.name(), s.kind().name());
			}
		}
		return table.build();
	}

	private static void overviewRow(Table.Builder table, Row row, String code, String name, @Nullable String kind) {
		StatusDistribution d = row.distribution();
		List<@Nullable Object> values = new ArrayList<>();
		values.add(code);
		values.add(name);
		values.add(kind);
		values.add((row.bound() && d.denominator() > 0) ? d.substantialOrCompletePercent() : null);
		values.add(row.bound() ? row.change() : null);
		values.add(row.bound() ? d.applicable() : 0L);
		for (Status status : COLUMNS) {
			values.add(row.bound() ? d.count(status) : 0L);
		}
		values.add(row.bound() ? d.compliancePercent() : null);
		values.add(row.lastValidated());
		table.row(values.toArray());
	}

	/**
	 * The stakeholders by area: for each area (then all areas), the share Substantial or Complete, how many pairs
	 * are, and how many are counted; empty where nothing of the area applies. The collective commitments as a whole
	 * first, the totals over the stakeholders shown last.
	 */
	public Table matrix(HttpServletRequest request, Locale locale) {
		CycleChoice choice = this.cycles.choose(request);
		List<AreaSummary> areas = this.catalogue.areas(locale);
		List<String> columns = new ArrayList<>();
		columns.add("name");
		areas.forEach((a) -> columns.add(a.code()));
		columns.add("total");
		List<ProgressFilters.Problem> problems = new ArrayList<>();
		ProgressFilters.Parsed filters = filters(request, problems);
		Sorting sorting = Sorting.parse(request.getParameter("sort"), request.getParameter("dir"), columns, ASCENDING,
				problems);
		refuse(problems);
		CycleView cycle = choice.cycle();
		Table.Builder table = Table.builder("stakeholders-by-area", (cycle != null) ? cycle.code() : null)
			.column(text("download.stakeholder-code", locale), Kind.CODE)
			.column(text("overview.column.name", locale), Kind.TEXT);
		List<String> groups = new ArrayList<>();
		areas.forEach((a) -> groups.add(a.shortName()));
		groups.add(text("matrix.column.total", locale));
		for (String group : groups) {
			table.column(text("download.matrix.share", locale, group), Kind.PERCENT)
				.column(text("download.matrix.substantial-or-complete", locale, group), Kind.INTEGER)
				.column(text("download.matrix.counted", locale, group), Kind.INTEGER);
		}
		if (cycle != null) {
			StakeholderProgressQuery.Matrix matrix = this.progress.matrix(cycle, filters, locale);
			if (matrix.collective() != null) {
				matrixRow(table, matrix.collective(), COLLECTIVE, text("overview.collective", locale), areas);
			}
			List<MatrixRow> rows = new ArrayList<>(matrix.rows());
			rows.sort(StakeholderProgressController.matrixOrder(sorting, locale));
			for (MatrixRow row : rows) {
				matrixRow(table, row, row.stakeholder().code(), row.stakeholder().name(), areas);
			}
			matrixRow(table, matrix.totals(), null, text("matrix.totals", locale), areas);
		}
		return table.build();
	}

	private static void matrixRow(Table.Builder table, MatrixRow row, @Nullable String code, String name,
			List<AreaSummary> areas) {
		List<@Nullable Object> values = new ArrayList<>();
		values.add(code);
		values.add(name);
		for (AreaSummary area : areas) {
			cell(values, row.area(area.code()));
		}
		cell(values, row.total());
		table.row(values.toArray());
	}

	private static void cell(List<@Nullable Object> values, @Nullable StatusDistribution d) {
		if (d == null || d.applicable() == 0) {
			values.add(null);
			values.add(null);
			values.add(null);
			return;
		}
		values.add((d.denominator() > 0) ? d.substantialOrCompletePercent() : null);
		values.add(d.substantialOrComplete());
		values.add(d.denominator());
	}

	/** The collective commitments, each with how all endorsers stand on it. */
	public Table collective(HttpServletRequest request, Locale locale) {
		CycleChoice choice = this.cycles.choose(request);
		CycleView cycle = choice.cycle();
		Map<String, String> areaNames = new HashMap<>();
		for (AreaSummary area : this.catalogue.areas(locale)) {
			areaNames.put(area.code(), area.shortName());
		}
		Map<String, StatusDistribution> byCommitment = (cycle != null)
				? this.figures.distributions(cycle.id(), GroupBy.COMMITMENT, Basis.PUBLISHED, Filter.NONE) : Map.of();
		Table.Builder table = Table.builder("collective-commitments", (cycle != null) ? cycle.code() : null)
			.column(text("commitment.code", locale), Kind.CODE)
			.column(text("commitment.column", locale), Kind.TEXT)
			.column(text("collective.column.area", locale), Kind.TEXT)
			.column(text("overview.column.pairs", locale), Kind.INTEGER);
		statusColumns(table, locale);
		table.column(text("overview.column.share", locale), Kind.PERCENT)
			.column(text("overview.column.compliance", locale), Kind.PERCENT);
		this.catalogue.commitments(locale).stream().filter((c) -> c.owner() == Owner.COLLECTIVE).forEach((c) -> {
			StatusDistribution d = byCommitment.getOrDefault(c.code(), StatusDistribution.EMPTY);
			List<@Nullable Object> values = new ArrayList<>(List.of(c.code(), c.title(),
					areaNames.getOrDefault(c.areaCode(), c.areaCode()), d.applicable()));
			for (Status status : COLUMNS) {
				values.add(d.count(status));
			}
			values.add((d.denominator() > 0) ? d.substantialOrCompletePercent() : null);
			values.add(d.compliancePercent());
			table.row(values.toArray());
		});
		return table.build();
	}

	/** The statuses of the bar, most advanced first, then NOT_APPLICABLE: a column each. */
	private static final List<Status> COLUMNS = List.of(Status.COMPLETE, Status.SUBSTANTIAL, Status.LIMITED,
			Status.NOT_STARTED, Status.NO_EVIDENCE, Status.NOT_APPLICABLE);

	private void statusColumns(Table.Builder table, Locale locale) {
		for (Status status : COLUMNS) {
			table.column(text(status.messageKey(), locale), Kind.INTEGER);
		}
	}

	private ProgressFilters.Parsed filters(HttpServletRequest request, List<ProgressFilters.Problem> problems) {
		Set<String> regions = this.stakeholders.regions().stream().map(Region::code).collect(Collectors.toSet());
		ProgressFilters.Parsed parsed = new ProgressFilters(request.getParameter("kind"),
				request.getParameter("capacity"), request.getParameter("region"), request.getParameter("endorsed"))
			.parse(regions);
		problems.addAll(parsed.problems());
		return parsed;
	}

	private static void refuse(List<ProgressFilters.Problem> problems) {
		if (!problems.isEmpty()) {
			throw new BadRequestException(problems.get(0).parameter());
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
