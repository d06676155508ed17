package org.a4p.portal.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.api.Resources.CommitmentStatus;
import org.a4p.portal.api.Resources.Delta;
import org.a4p.portal.api.Resources.Endorsement;
import org.a4p.portal.api.Resources.Figures;
import org.a4p.portal.api.Resources.Page;
import org.a4p.portal.api.Resources.Shown;
import org.a4p.portal.api.Resources.Stakeholder;
import org.a4p.portal.api.Resources.StakeholderDetail;
import org.a4p.portal.api.Resources.StakeholderName;
import org.a4p.portal.api.Resources.Validated;
import org.a4p.portal.cycle.CycleChoices;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.endorsement.EndorsementQueries;
import org.a4p.portal.publication.Edition;
import org.a4p.portal.publication.Editions;
import org.a4p.portal.publication.ProgressViews.StakeholderView;
import org.a4p.portal.publication.ProgressViews;
import org.a4p.portal.shared.BadRequestException;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.stakeholder.Applicability.Period;
import org.a4p.portal.stakeholder.StakeholderKind;
import org.a4p.portal.stakeholder.StakeholderQueries.ListFilter;
import org.a4p.portal.stakeholder.StakeholderQueries;
import org.a4p.portal.stakeholder.StakeholderRef;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stakeholders and endorsements (as the stakeholder list, stakeholder and endorsement pages). */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Stakeholders", description = "The Secretariat, Member States and organizations, their endorsements, and how each stands in a cycle")
class StakeholderApi {

	private final StakeholderQueries stakeholders;

	private final EndorsementQueries endorsements;

	private final ProgressViews views;

	private final Editions editions;

	private final CycleChoices cycles;

	private final Clock clock;

	StakeholderApi(StakeholderQueries stakeholders, EndorsementQueries endorsements, ProgressViews views,
			Editions editions, CycleChoices cycles, Clock clock) {
		this.stakeholders = stakeholders;
		this.endorsements = endorsements;
		this.views = views;
		this.editions = editions;
		this.cycles = cycles;
		this.clock = clock;
	}

	@GetMapping("/stakeholders")
	@Operation(summary = "The stakeholders", description = "The Secretariat, then Member States and organizations by name in the reader's language, with endorsement and capacities during the cycle's period.")
	@CycleParameter
	ResponseEntity<Page<Stakeholder>> list(
			@Parameter(description = "Only one kind: SECRETARIAT, MEMBER_STATE or ORGANIZATION", example = "MEMBER_STATE") @RequestParam(required = false) @Nullable String kind,
			@Parameter(description = Paging.PAGE) @RequestParam(required = false) @Nullable String page,
			@Parameter(description = Paging.SIZE) @RequestParam(required = false) @Nullable String size, Locale locale,
			HttpServletRequest request) {
		Paging paging = Paging.of(page, size);
		StakeholderKind only = null;
		if (kind != null && !kind.isBlank()) {
			try {
				only = StakeholderKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new BadRequestException("kind");
			}
		}
		CycleView cycle = this.cycles.choose(request).cycle();
		LocalDate today = LocalDate.now(this.clock);
		Period period = (cycle != null) ? new Period(cycle.periodStart(), cycle.periodEnd()) : new Period(today, today);
		List<Stakeholder> items = this.stakeholders.list(new ListFilter(only, null, null), period, locale)
			.stream()
			.map((i) -> new Stakeholder(i.stakeholder().code(), i.stakeholder().kind(), i.stakeholder().name(),
					i.endorsed(), i.capacities(), "/api/v1/stakeholders/" + i.stakeholder().code()))
			.toList();
		return Answers.page(paging.of(items, request));
	}

	@GetMapping("/stakeholders/{code}")
	@Operation(summary = "A stakeholder in a cycle", description = "Whether commitments bound it in the cycle asked for, its figures, and the published status of each commitment that applied, with what was validated (as the stakeholder page shows them). The Secretariat's code is SECRETARIAT.")
	@CycleParameter
	ResponseEntity<StakeholderDetail> stakeholder(@Parameter(example = "PAK") @PathVariable String code,
			Locale locale, HttpServletRequest request) {
		Edition edition = this.editions.resolve(request);
		StakeholderRef stakeholder = this.stakeholders.find(code.toUpperCase(Locale.ROOT), locale)
			.orElseThrow(() -> new NotFoundException("stakeholder " + code));
		StakeholderView view = this.views.stakeholder(stakeholder, edition, locale);
		List<CommitmentStatus> commitments = view.applicable()
			.stream()
			.flatMap((g) -> g.items().stream())
			.map((c) -> new CommitmentStatus(c.commitment().code(), c.commitment().areaCode(), c.commitment().title(),
					c.status(), Validated.of(c.text())))
			.toList();
		return Answers.ok(new StakeholderDetail(stakeholder.code(), stakeholder.kind(), stakeholder.name(),
				Shown.of(edition), view.bound(), List.copyOf(view.capacitiesInCycle()),
				Figures.of(view.distribution()), Delta.of(view.change()), commitments));
	}

	@GetMapping("/endorsements")
	@Operation(summary = "The endorsements", description = "Every endorsement recorded in the portal, withdrawn ones included: dated ones first, oldest first.")
	ResponseEntity<Page<Endorsement>> endorsements(
			@Parameter(description = Paging.PAGE) @RequestParam(required = false) @Nullable String page,
			@Parameter(description = Paging.SIZE) @RequestParam(required = false) @Nullable String size, Locale locale,
			HttpServletRequest request) {
		Paging paging = Paging.of(page, size);
		List<Endorsement> items = this.endorsements.recorded(locale)
			.stream()
			.map((r) -> new Endorsement(StakeholderName.of(r.stakeholder()), r.endorsement().endorsedOn(),
					r.endorsement().withdrawnOn(), r.endorsement().source()))
			.toList();
		return Answers.page(paging.of(items, request));
	}

}
