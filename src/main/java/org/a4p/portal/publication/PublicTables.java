package org.a4p.portal.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.catalogue.CatalogueQueries.AreaSummary;
import org.a4p.portal.catalogue.CatalogueQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.progress.Change;
import org.a4p.portal.progress.FiguresQuery.Filter;
import org.a4p.portal.progress.FiguresQuery.GroupBy;
import org.a4p.portal.progress.FiguresQuery;
import org.a4p.portal.progress.Status;
import org.a4p.portal.progress.StatusDistribution;
import org.a4p.portal.publication.ProgressViews.AreaView;
import org.a4p.portal.publication.ProgressViews.CommitmentFigures;
import org.a4p.portal.publication.ProgressViews.CommitmentStatus;
import org.a4p.portal.publication.ProgressViews.CommitmentView;
import org.a4p.portal.publication.ProgressViews.StakeholderStatus;
import org.a4p.portal.publication.ProgressViews.StakeholderView;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Table.Kind;
import org.a4p.portal.shared.Table;
import org.a4p.portal.stakeholder.StakeholderKind;
import org.a4p.portal.stakeholder.StakeholderQueries;
import org.a4p.portal.stakeholder.StakeholderRef;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tables of the public dashboard, area, commitment and stakeholder pages as a reader downloads them: the
 * public view (validated figures only) of the cycle and publication the request chooses, with the same rules
 * as the pages (unknown cycle or publication 404, a malformed one 400, see {@link Editions}), read from the same
 * read models ({@link ProgressViews}, {@link FiguresQuery}) so that a download says what its page says.
 * Headings are the page's, translated; codes stay codes; numbers stay numbers.
 */
@Service
@Transactional(readOnly = true)
public class PublicTables {

	private final Editions editions;

	private final ProgressViews views;

	private final CatalogueQueries catalogue;

	private final FiguresQuery figures;

	private final StakeholderQueries stakeholders;

	private final MessageSource messages;

	PublicTables(Editions editions, ProgressViews views, CatalogueQueries catalogue, FiguresQuery figures,
			StakeholderQueries stakeholders, MessageSource messages) {
		this.editions = editions;
		this.views = views;
		this.catalogue = catalogue;
		this.figures = figures;
		this.stakeholders = stakeholders;
		this.messages = messages;
	}

	/** The dashboard's progress by area. */
	public Table dashboard(HttpServletRequest request, Locale locale) {
		Edition edition = this.editions.resolve(request);
		CycleView cycle = edition.cycle();
		Map<String, StatusDistribution> byArea = (cycle != null)
				? this.figures.distributions(cycle.id(), GroupBy.AREA, edition.pairs(), Filter.NONE) : Map.of();
		Map<String, Change> changes = (cycle != null)
				? this.figures.changes(cycle.id(), GroupBy.AREA, edition.pairs(), Filter.NONE) : Map.of();
		String previous = previousCycle(changes);
		Table.Builder table = Table.builder("dashboard", name(edition))
			.column(text("download.area-code", locale), Kind.CODE)
			.column(text("area.label", locale), Kind.TEXT);
		distributionColumns(table, locale);
		table.column(text("figures.compliance", locale), Kind.PERCENT);
		if (previous != null) {
			table.column(text("change.column", locale, previous), Kind.POINTS);
		}
		for (AreaSummary area : this.catalogue.areas(locale)) {
			StatusDistribution d = byArea.getOrDefault(area.code(), StatusDistribution.EMPTY);
			List<@Nullable Object> row = new ArrayList<>(List.of(area.code(), area.shortName()));
			row.addAll(counts(d));
			row.add(d.compliancePercent());
			if (previous != null) {
				row.add(points(changes.get(area.code())));
			}
			table.row(row.toArray());
		}
		return table.build();
	}

	/** An area's commitments with their figures. */
	public Table area(String code, HttpServletRequest request, Locale locale) {
		Edition edition = this.editions.resolve(request);
		AreaView view = this.views.area(code, edition, locale).orElseThrow(() -> new NotFoundException("area " + code));
		String previous = view.previousCycle();
		Table.Builder table = Table.builder("area-" + code, name(edition))
			.column(text("commitment.code", locale), Kind.CODE)
			.column(text("commitment.column", locale), Kind.TEXT)
			.column(text("commitment.owner", locale), Kind.CODE);
		distributionColumns(table, locale);
		if (previous != null) {
			table.column(text("change.column", locale, previous), Kind.POINTS);
		}
		for (CommitmentFigures row : view.commitments()) {
			List<@Nullable Object> values = new ArrayList<>(
					List.of(row.commitment().code(), row.commitment().title(), row.commitment().ownerKey()));
			values.addAll(counts(row.distribution()));
			if (previous != null) {
				values.add(points(view.change(row.commitment().code())));
			}
			table.row(values.toArray());
		}
		return table.build();
	}

	/** The published status of each stakeholder a commitment applies to, and when it was validated. */
	public Table commitment(String code, HttpServletRequest request, Locale locale) {
		Edition edition = this.editions.resolve(request);
		CommitmentView view = this.views.commitment(code, edition, locale)
			.orElseThrow(() -> new NotFoundException("commitment " + code));
		Table.Builder table = Table.builder("commitment-" + code, name(edition))
			.column(text("download.stakeholder-code", locale), Kind.CODE)
			.column(text("commitment.stakeholder", locale), Kind.TEXT)
			.column(text("commitment.kind", locale), Kind.CODE)
			.column(text("commitment.status", locale), Kind.CODE)
			.column(text("download.validated-on", locale), Kind.DATE);
		for (StakeholderStatus row : view.stakeholders()) {
			StakeholderRef s = row.stakeholder();
			table.row(s.code(), s.name(), s.kind().name(), row.status().name(),
					(row.text() != null) ? row.text().validatedOn() : null);
		}
		return table.build();
	}

	/**
	 * What applies to a stakeholder in the cycle, with the published status of each commitment (no row when
	 * nothing binds it). {@code kind} is the kind its address names (a Member State's code under
	 * {@code /stakeholders/}, an organization's under {@code /organizations/}).
	 */
	public Table stakeholder(StakeholderKind kind, String code, HttpServletRequest request, Locale locale) {
		Edition edition = this.editions.resolve(request);
		StakeholderRef stakeholder = this.stakeholders.find(code, locale)
			.filter((s) -> s.kind() == kind)
			.orElseThrow(() -> new NotFoundException(kind + " " + code));
		StakeholderView view = this.views.stakeholder(stakeholder, edition, locale);
		Table.Builder table = Table.builder("stakeholder-" + stakeholder.code(), name(edition))
			.column(text("download.area-code", locale), Kind.CODE)
			.column(text("commitment.code", locale), Kind.CODE)
			.column(text("commitment.column", locale), Kind.TEXT)
			.column(text("commitment.owner", locale), Kind.CODE)
			.column(text("commitment.status", locale), Kind.CODE)
			.column(text("download.validated-on", locale), Kind.DATE);
		for (ProgressViews.AreaGroup<CommitmentStatus> group : view.applicable()) {
			for (CommitmentStatus row : group.items()) {
				table.row(group.area().code(), row.commitment().code(), row.commitment().title(),
						row.commitment().ownerKey(), row.status().name(),
						(row.text() != null) ? row.text().validatedOn() : null);
			}
		}
		return table.build();
	}

	/** The cycle part of a file name: the cycle's code, and the publication's id when an earlier one is shown. */
	private static @Nullable String name(Edition edition) {
		CycleView cycle = edition.cycle();
		if (cycle == null) {
			return null;
		}
		return (edition.earlier() != null) ? cycle.code() + "-publication-" + edition.earlier().id() : cycle.code();
	}

	private void distributionColumns(Table.Builder table, Locale locale) {
		for (Status status : Status.SCALE) {
			table.column(text(status.messageKey(), locale), Kind.INTEGER);
		}
		table.column(text(Status.NOT_APPLICABLE.messageKey(), locale), Kind.INTEGER);
		table.column(text("figures.denominator", locale), Kind.INTEGER);
	}

	/** The counts of the page's columns: the scale, NOT_APPLICABLE, the denominator. */
	private static List<@Nullable Object> counts(StatusDistribution d) {
		List<@Nullable Object> values = new ArrayList<>();
		for (Status status : Status.SCALE) {
			values.add(d.count(status));
		}
		values.add(d.count(Status.NOT_APPLICABLE));
		values.add(d.denominator());
		return values;
	}

	private static @Nullable Object points(@Nullable Change change) {
		return (change != null && change.comparable()) ? change.points() : null;
	}

	private static @Nullable String previousCycle(Map<String, Change> changes) {
		return changes.values().stream().map(Change::previousCycle).findFirst().orElse(null);
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
