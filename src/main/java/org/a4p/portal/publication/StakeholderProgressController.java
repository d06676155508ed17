package org.a4p.portal.publication;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.catalogue.CatalogueQueries;
import org.a4p.portal.cycle.CycleChoice;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.i18n.Formats;
import org.a4p.portal.progress.StatusDistribution;
import org.a4p.portal.publication.StakeholderProgressQuery.MatrixRow;
import org.a4p.portal.publication.StakeholderProgressQuery.Row;
import org.a4p.portal.stakeholder.StakeholderQueries.Region;
import org.a4p.portal.stakeholder.StakeholderQueries;
import org.a4p.portal.stakeholder.StakeholderRef;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Progress per stakeholder at a glance: the overview ({@code /stakeholders/progress}, one row per stakeholder,
 * sortable by any column) and the same stakeholders by area ({@code /stakeholders/progress/areas}), both
 * filtered by kind, capacity, M49 region and endorsement through plain query parameters. A filter or sort value
 * that is not one of the choices gets a 400 page naming it. The cycle is that of {@code ?cycle=} ({@link CycleChoice}).
 */
@Controller
class StakeholderProgressController {

	static final List<String> OVERVIEW_COLUMNS = List.of("name", "pairs", "share", "compliance", "change", "validated");

	private static final Set<String> ASCENDING = Set.of("name");

	/** The 400 page: which values of the address were not understood, and a way on. */
	private static final String BAD_FILTER = "stakeholders/bad-filter";

	private final StakeholderProgressQuery progress;

	private final StakeholderQueries stakeholders;

	private final CatalogueQueries catalogue;

	private final MessageSource messages;

	StakeholderProgressController(StakeholderProgressQuery progress,
			StakeholderQueries stakeholders, CatalogueQueries catalogue, MessageSource messages) {
		this.progress = progress;
		this.stakeholders = stakeholders;
		this.catalogue = catalogue;
		this.messages = messages;
	}

	@GetMapping("/stakeholders/progress")
	String overview(CycleChoice choice, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String capacity,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String endorsed,
			@RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String dir,
			HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
		Asked asked = new Asked(choice, new ProgressFilters(kind, capacity, region, endorsed), sort, dir, request, locale);
		return show(asked, OVERVIEW_COLUMNS, "/stakeholders/progress", response, model, (cycle, filters, sorting) -> {
			StakeholderProgressQuery.Overview overview = this.progress.overview(cycle, filters, locale);
			List<Row> rows = new ArrayList<>(overview.rows());
			rows.sort(overviewOrder(sorting, locale));
			model.addAttribute("overview", overview);
			model.addAttribute("rows", rows);
		}) ? "stakeholders/progress" : BAD_FILTER;
	}

	@GetMapping("/stakeholders/progress/areas")
	String matrix(CycleChoice choice, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String capacity,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String endorsed,
			@RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String dir,
			HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
		Asked asked = new Asked(choice, new ProgressFilters(kind, capacity, region, endorsed), sort, dir, request, locale);
		List<CatalogueQueries.AreaSummary> areas = this.catalogue.areas(locale);
		List<String> columns = new ArrayList<>();
		columns.add("name");
		areas.forEach((a) -> columns.add(a.code()));
		columns.add("total");
		model.addAttribute("areas", areas);
		return show(asked, columns, "/stakeholders/progress/areas", response, model, (cycle, filters, sorting) -> {
			StakeholderProgressQuery.Matrix matrix = this.progress.matrix(cycle, filters, locale);
			List<MatrixRow> rows = new ArrayList<>(matrix.rows());
			rows.sort(matrixOrder(sorting, locale));
			model.addAttribute("matrix", matrix);
			model.addAttribute("rows", rows);
		}) ? "stakeholders/progress-areas" : BAD_FILTER;
	}

	/** What a reader asked for on either page: the cycle, the filters and the sort order, as given. */
	private record Asked(CycleChoice choice, ProgressFilters filters, @Nullable String sort, @Nullable String dir,
			HttpServletRequest request, Locale locale) {
	}

	/** Fills the model with the rows of the cycle shown, if there is one. */
	@FunctionalInterface
	private interface Rows {

		void fill(CycleView cycle, ProgressFilters.Parsed filters, Sorting sorting);

	}

	/**
	 * What both pages do: parse the filters and the sort order (if a value is not one of the choices: false, with the
	 * 400 status and the model of {@link #BAD_FILTER}, which names the values and links to the unfiltered page),
	 * then put the filter choices, the cycle and the sortable headings in the model, and the rows of the cycle
	 * shown, if any.
	 */
	private boolean show(Asked asked, List<String> columns, String path, HttpServletResponse response, Model model,
			Rows rows) {
		List<ProgressFilters.Problem> problems = new ArrayList<>();
		ProgressFilters.Parsed filters = parse(asked.filters(), problems);
		Sorting sorting = Sorting.parse(asked.sort(), asked.dir(), columns, ASCENDING, problems);
		if (!problems.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", problems);
			model.addAttribute("unfiltered", path);
			return false;
		}
		addFilterChoices(model, filters, asked.locale());
		CycleView shown = asked.choice().cycle();
		model.addAttribute("cycle", shown);
		// the cycle shown, kept in links between the public pages (none: the current cycle)
		model.addAttribute("cycleParam", asked.choice().carriedCode());
		if (shown != null) {
			rows.fill(shown, filters, sorting);
		}
		model.addAttribute("sorting", sorting);
		model.addAttribute("headings", sorting.headings(asked.request(), columns, ASCENDING));
		return true;
	}

	private ProgressFilters.Parsed parse(ProgressFilters raw, List<ProgressFilters.Problem> problems) {
		Set<String> regionCodes = this.stakeholders.regions().stream().map(Region::code).collect(Collectors.toSet());
		ProgressFilters.Parsed parsed = raw.parse(regionCodes);
		problems.addAll(parsed.problems());
		return parsed;
	}

	private void addFilterChoices(Model model, ProgressFilters.Parsed filters, Locale locale) {
		model.addAttribute("filters", filters);
		model.addAttribute("kinds", ProgressFilters.KINDS);
		model.addAttribute("capacities", ProgressFilters.CAPACITIES);
		model.addAttribute("endorsedChoices", ProgressFilters.ENDORSED);
		model.addAttribute("regionGroups", regionGroups(locale));
	}

	/** A region of the filter's list, with its sub-regions (and theirs) as options, named for the reader. */
	record RegionGroup(String code, String name, List<RegionOption> options) {
	}

	/** An option of the region filter: its code and its label. */
	record RegionOption(String code, String label) {
	}

	/**
	 * The regions by name, each with its own option ("Africa (all)"), then its sub-regions by name, each followed
	 * by its intermediate regions ("Sub-Saharan Africa: Western Africa").
	 */
	List<RegionGroup> regionGroups(Locale locale) {
		List<Region> all = this.stakeholders.regions();
		Comparator<String> collator = Formats.collation(locale);
		Function<Region, String> name = (r) -> this.messages.getMessage(r.messageKey(), null, r.code(), locale);
		Comparator<Region> byName = Comparator.comparing(name, collator);
		List<RegionGroup> groups = new ArrayList<>();
		for (Region region : all.stream().filter((r) -> r.parentCode() == null).sorted(byName).toList()) {
			List<RegionOption> options = new ArrayList<>();
			options.add(new RegionOption(region.code(),
					this.messages.getMessage("overview.filter.region.all", new Object[] { name.apply(region) }, locale)));
			for (Region sub : all.stream().filter((r) -> region.code().equals(r.parentCode())).sorted(byName).toList()) {
				options.add(new RegionOption(sub.code(), name.apply(sub)));
				for (Region intermediate : all.stream()
					.filter((r) -> sub.code().equals(r.parentCode()))
					.sorted(byName)
					.toList()) {
					options.add(new RegionOption(intermediate.code(), this.messages.getMessage(
							"overview.filter.region.within", new Object[] { name.apply(sub), name.apply(intermediate) },
							locale)));
				}
			}
			groups.add(new RegionGroup(region.code(), name.apply(region), List.copyOf(options)));
		}
		return groups;
	}

	/** The overview's order: by the sorted column, rows without a value last, then by name. */
	static Comparator<Row> overviewOrder(Sorting sorting, Locale locale) {
		Comparator<StakeholderRef> names = names(locale);
		Comparator<Row> byName = Comparator.comparing(Row::stakeholder, names);
		if (sorting.column().equals("name")) {
			return sorting.descending() ? byName.reversed() : byName;
		}
		Function<Row, @Nullable Comparable<?>> value = switch (sorting.column()) {
			case "pairs" -> (r) -> r.bound() ? r.distribution().applicable() : null;
			case "share" -> (r) -> r.bound() && r.distribution().denominator() > 0
					? r.distribution().substantialOrCompletePercent() : null;
			case "compliance" -> (r) -> r.bound() ? r.distribution().compliancePercent() : null;
			case "change" -> Row::change;
			case "validated" -> Row::lastValidated;
			default -> throw new IllegalArgumentException(sorting.column());
		};
		return byValue(value, sorting.descending()).thenComparing(byName);
	}

	/** The table's order: by the sorted column (an area's share, or all areas'), rows without a value last. */
	static Comparator<MatrixRow> matrixOrder(Sorting sorting, Locale locale) {
		Comparator<MatrixRow> byName = Comparator.comparing(MatrixRow::stakeholder, names(locale));
		if (sorting.column().equals("name")) {
			return sorting.descending() ? byName.reversed() : byName;
		}
		Function<MatrixRow, @Nullable Comparable<?>> value = (row) -> {
			StatusDistribution d = sorting.column().equals("total") ? row.total() : row.area(sorting.column());
			return (d != null && d.denominator() > 0) ? d.substantialOrCompletePercent() : null;
		};
		return byValue(value, sorting.descending()).thenComparing(byName);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static <T> Comparator<T> byValue(Function<T, @Nullable Comparable<?>> value, boolean descending) {
		Comparator<Comparable> natural = descending ? Comparator.<Comparable>naturalOrder().reversed()
				: Comparator.<Comparable>naturalOrder();
		return Comparator.comparing((T row) -> (Comparable) value.apply(row), Comparator.nullsLast(natural));
	}

	private static Comparator<StakeholderRef> names(Locale locale) {
		Comparator<String> collator = Formats.collation(locale);
		return Comparator.comparing(StakeholderRef::name, collator).thenComparing(StakeholderRef::code);
	}

}
