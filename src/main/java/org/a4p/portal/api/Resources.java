package org.a4p.portal.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.Schema;
import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.catalogue.CatalogueQueries.AreaSummary;
import org.a4p.portal.catalogue.CatalogueQueries.CommitmentSummary;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.progress.Change;
import org.a4p.portal.progress.Status;
import org.a4p.portal.progress.StatusDistribution;
import org.a4p.portal.publication.Edition;
import org.a4p.portal.publication.ValidatedText;
import org.a4p.portal.stakeholder.StakeholderKind;
import org.a4p.portal.stakeholder.StakeholderRef;
import org.jspecify.annotations.Nullable;

/**
 * What the API answers: plain records, so that the OpenAPI schemas are exactly these. Absent values are left out
 * of the JSON (never {@code null}); names and texts are in the reader's language where the portal has them.
 */
final class Resources {

	private Resources() {
	}

	@Schema(description = "Links to pages of a list: the page itself, the first and last, and the neighbours when they exist.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PageLinks(@Schema(requiredMode = RequiredMode.REQUIRED, example = "/api/v1/stakeholders?page=2&size=20") String self,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "/api/v1/stakeholders?page=1&size=20") String first,
			@Schema(description = "Absent on the first page") @Nullable String prev,
			@Schema(description = "Absent on the last page") @Nullable String next,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "/api/v1/stakeholders?page=10&size=20") String last) {
	}

	@Schema(description = "One page of a list.")
	record Page<T>(@Schema(requiredMode = RequiredMode.REQUIRED) List<T> items,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "The page number, from 1", example = "1") int page,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Items per page (at most 100)", example = "20") int size,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "193") long totalItems,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "10") int totalPages,
			@Schema(requiredMode = RequiredMode.REQUIRED) PageLinks links) {
	}

	@Schema(description = "A reporting cycle. The current one is the latest open cycle, else the latest.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Cycle(@Schema(requiredMode = RequiredMode.REQUIRED, example = "2025") String code,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "2025-01-01") LocalDate periodStart,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "2025-12-31") LocalDate periodEnd,
			@Schema(requiredMode = RequiredMode.REQUIRED) LocalDate opensOn,
			@Schema(requiredMode = RequiredMode.REQUIRED) LocalDate deadline,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Open for reporting; a closed cycle is shown as published") boolean open,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "The cycle shown when none is asked for") boolean current) {

		static Cycle of(CycleView cycle, @Nullable CycleView current) {
			return new Cycle(cycle.code(), cycle.periodStart(), cycle.periodEnd(), cycle.opensOn(), cycle.deadline(),
					cycle.open(), current != null && current.id() == cycle.id());
		}

	}

	@Schema(description = "Which cycle and publication an answer shows.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Shown(@Schema(requiredMode = RequiredMode.REQUIRED, example = "2025") String cycle,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "live: an open cycle, from its validated entries; published: a closed cycle as published") String basis,
			@Schema(description = "The publication shown, for a cycle shown as published") @Nullable Long publication,
			@Schema(description = "The day a republication corrected the cycle, when it was") @Nullable LocalDate correctedOn) {

		static @Nullable Shown of(Edition edition) {
			CycleView cycle = edition.cycle();
			if (cycle == null) {
				return null;
			}
			Edition.Publication shown = (edition.earlier() != null) ? edition.earlier() : edition.inForce();
			return new Shown(cycle.code(), edition.live() ? "live" : "published",
					(!edition.live() && shown != null) ? shown.id() : null, edition.correctedOn());
		}

	}

	@Schema(description = "How the applicable pairs (commitment × stakeholder) of a scope stand, by validated status. "
			+ "Shares are percentages with one decimal.")
	record Figures(
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Applicable pairs, NOT_APPLICABLE included", example = "120") long applicablePairs,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Pairs the shares are of: applicable pairs less NOT_APPLICABLE", example = "118") long countedPairs,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Pairs per status (every status present)",
					example = "{\"COMPLETE\":10,\"SUBSTANTIAL\":20,\"LIMITED\":5,\"NOT_STARTED\":3,\"NOT_APPLICABLE\":2,\"NO_EVIDENCE\":80}") Map<Status, Long> counts,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Share SUBSTANTIAL or COMPLETE, in percent", example = "25.4") BigDecimal substantialOrCompletePercent,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Reporting compliance: share of applicable pairs reported on, in percent", example = "31.7") BigDecimal reportingCompliancePercent) {

		static Figures of(StatusDistribution d) {
			return new Figures(d.applicable(), d.denominator(), d.counts(), d.substantialOrCompletePercent(),
					d.compliancePercent());
		}

	}

	@Schema(description = "How the share SUBSTANTIAL or COMPLETE moved since the previous cycle.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Delta(@Schema(requiredMode = RequiredMode.REQUIRED, example = "2024") String previousCycle,
			@Nullable BigDecimal previousPercent, @Nullable BigDecimal percent,
			@Schema(description = "Percentage points; absent when either cycle has nothing to compare", example = "4.5") @Nullable BigDecimal points) {

		static @Nullable Delta of(@Nullable Change change) {
			return (change != null)
					? new Delta(change.previousCycle(), change.previousShare(), change.share(), change.points()) : null;
		}

	}

	@Schema(description = "An area of the Declaration.")
	record Area(@Schema(requiredMode = RequiredMode.REQUIRED, example = "POL") String code,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "1") int position,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED) String shortName,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "/api/v1/areas/POL") String href) {

		static Area of(AreaSummary a) {
			return new Area(a.code(), a.position(), a.name(), a.shortName(), "/api/v1/areas/" + a.code());
		}

	}

	@Schema(description = "An area with its texts and, in the cycle shown, the figures of each of its commitments.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AreaDetail(@Schema(requiredMode = RequiredMode.REQUIRED, example = "POL") String code,
			@Schema(requiredMode = RequiredMode.REQUIRED) int position, @Schema(requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED) String shortName,
			@Schema(requiredMode = RequiredMode.REQUIRED) String statement,
			@Schema(requiredMode = RequiredMode.REQUIRED) String secretariatAction,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "The language of the texts (English where the catalogue has no translation)", example = "en") String textLanguage,
			@Nullable Shown shown, @Schema(requiredMode = RequiredMode.REQUIRED) Figures figures, @Nullable Delta change,
			@Schema(requiredMode = RequiredMode.REQUIRED) List<CommitmentFigures> commitments) {
	}

	@Schema(description = "A commitment's figures in the cycle shown.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CommitmentFigures(@Schema(requiredMode = RequiredMode.REQUIRED, example = "POL-1") String code,
			@Schema(requiredMode = RequiredMode.REQUIRED) String title,
			@Schema(requiredMode = RequiredMode.REQUIRED) Figures figures, @Nullable Delta change,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "/api/v1/commitments/POL-1") String href) {
	}

	@Schema(description = "A commitment of the Declaration.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Commitment(@Schema(requiredMode = RequiredMode.REQUIRED, example = "POL-1") String code,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "POL") String area,
			@Schema(requiredMode = RequiredMode.REQUIRED) int position,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Who it binds", allowableValues = { "SECRETARIAT", "MEMBER_STATES", "COLLECTIVE" }) String owner,
			@Schema(description = "Which Member States it binds (owner MEMBER_STATES only)") @Nullable Capacity capacity,
			@Schema(requiredMode = RequiredMode.REQUIRED) String title,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "/api/v1/commitments/POL-1") String href) {

		static Commitment of(CommitmentSummary c) {
			return new Commitment(c.code(), c.areaCode(), c.position(), c.owner().name(), c.capacity(), c.title(),
					"/api/v1/commitments/" + c.code());
		}

	}

	@Schema(description = "A commitment with its text and, in the cycle shown, the published status of each stakeholder it applies to.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CommitmentDetail(@Schema(requiredMode = RequiredMode.REQUIRED) String code,
			@Schema(requiredMode = RequiredMode.REQUIRED) String area, @Schema(requiredMode = RequiredMode.REQUIRED) String areaName,
			@Schema(requiredMode = RequiredMode.REQUIRED) int position, @Schema(requiredMode = RequiredMode.REQUIRED) String owner,
			@Nullable Capacity capacity, @Schema(requiredMode = RequiredMode.REQUIRED) String title,
			@Schema(requiredMode = RequiredMode.REQUIRED) String body,
			@Schema(requiredMode = RequiredMode.REQUIRED) String textLanguage, @Nullable Shown shown,
			@Schema(requiredMode = RequiredMode.REQUIRED) Figures figures,
			@Schema(requiredMode = RequiredMode.REQUIRED) List<StakeholderStatus> stakeholders) {
	}

	@Schema(description = "A stakeholder named in the reader's language.")
	record StakeholderName(@Schema(requiredMode = RequiredMode.REQUIRED, example = "PAK") String code,
			@Schema(requiredMode = RequiredMode.REQUIRED) StakeholderKind kind,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "Pakistan") String name,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "/api/v1/stakeholders/PAK") String href) {

		static StakeholderName of(StakeholderRef s) {
			return new StakeholderName(s.code(), s.kind(), s.name(), "/api/v1/stakeholders/" + s.code());
		}

	}

	@Schema(description = "A stakeholder's published status on a commitment, and what was validated with it.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record StakeholderStatus(@Schema(requiredMode = RequiredMode.REQUIRED) StakeholderName stakeholder,
			@Schema(requiredMode = RequiredMode.REQUIRED) Status status,
			@Schema(description = "Absent where nothing was validated") @Nullable Validated validated) {
	}

	@Schema(description = "What the Secretariat validated: the narrative and evidence links exactly as validated.")
	record Validated(@Schema(requiredMode = RequiredMode.REQUIRED, example = "2025-03-14") LocalDate validatedOn,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "As written by the stakeholder (may be empty)") String narrative,
			@Schema(requiredMode = RequiredMode.REQUIRED) List<Evidence> evidence) {

		static @Nullable Validated of(@Nullable ValidatedText text) {
			return (text != null) ? new Validated(text.validatedOn(), text.narrative(),
					text.evidence().stream().map((l) -> new Evidence(l.title(), l.url())).toList()) : null;
		}

	}

	@Schema(description = "An evidence link as validated.")
	record Evidence(@Schema(requiredMode = RequiredMode.REQUIRED) String title,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "https://example.org/report.pdf") String url) {
	}

	@Schema(description = "A stakeholder: the Secretariat, a Member State or an organization.")
	record Stakeholder(@Schema(requiredMode = RequiredMode.REQUIRED, example = "PAK") String code,
			@Schema(requiredMode = RequiredMode.REQUIRED) StakeholderKind kind,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "Pakistan") String name,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "An endorsement in force during the cycle's period (always false for the Secretariat)") boolean endorsed,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Capacities held during the cycle's period") List<Capacity> capacities,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "/api/v1/stakeholders/PAK") String href) {
	}

	@Schema(description = "A stakeholder in the cycle shown: whether commitments bound it, and the published status of each that applied.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record StakeholderDetail(@Schema(requiredMode = RequiredMode.REQUIRED) String code,
			@Schema(requiredMode = RequiredMode.REQUIRED) StakeholderKind kind,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name, @Nullable Shown shown,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Whether commitments bound it in the cycle (the Secretariat, or an endorsement in force)") boolean bound,
			@Schema(requiredMode = RequiredMode.REQUIRED) List<Capacity> capacities,
			@Schema(requiredMode = RequiredMode.REQUIRED) Figures figures, @Nullable Delta change,
			@Schema(requiredMode = RequiredMode.REQUIRED) List<CommitmentStatus> commitments) {
	}

	@Schema(description = "A commitment that applied to the stakeholder, with its published status.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CommitmentStatus(@Schema(requiredMode = RequiredMode.REQUIRED, example = "POL-1") String code,
			@Schema(requiredMode = RequiredMode.REQUIRED) String area,
			@Schema(requiredMode = RequiredMode.REQUIRED) String title,
			@Schema(requiredMode = RequiredMode.REQUIRED) Status status, @Nullable Validated validated) {
	}

	@Schema(description = "An endorsement recorded in the portal (withdrawn ones included).")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Endorsement(@Schema(requiredMode = RequiredMode.REQUIRED) StakeholderName stakeholder,
			@Schema(description = "Absent where the date is not recorded") @Nullable LocalDate endorsedOn,
			@Nullable LocalDate withdrawnOn, @Nullable String source) {
	}

	@Schema(description = "Figures of one area, commitment or stakeholder in the cycle shown.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record FigureRow(@Schema(requiredMode = RequiredMode.REQUIRED, description = "The area, commitment or stakeholder code", example = "POL") String code,
			@Schema(requiredMode = RequiredMode.REQUIRED) Figures figures, @Nullable Delta change) {
	}

	@Schema(description = "Figures of a cycle, grouped.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CycleFigures(@Nullable Shown shown,
			@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "area", "commitment", "stakeholder" }) String by,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Everything together") Figures total,
			@Nullable Delta change, @Schema(requiredMode = RequiredMode.REQUIRED) Page<FigureRow> groups) {
	}

	@Schema(description = "A validated entry as the public reads it.")
	record PublishedEntry(@Schema(requiredMode = RequiredMode.REQUIRED, example = "2025") String cycle,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "POL") String area,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "POL-1") String commitment,
			@Schema(requiredMode = RequiredMode.REQUIRED) StakeholderName stakeholder,
			@Schema(requiredMode = RequiredMode.REQUIRED) Status status,
			@Schema(requiredMode = RequiredMode.REQUIRED) Validated validated) {
	}

	@Schema(name = "Problem", description = "An RFC 9457 problem detail (application/problem+json)")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Problem(@Schema(example = "about:blank") String type,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "Not Found") String title,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "404") int status,
			@Schema(example = "Nothing is published at this address, or no such cycle.") String detail,
			@Schema(example = "/api/v1/stakeholders/XYZ") String instance,
			@Schema(description = "The parameter at fault (400 only)", example = "size") @Nullable String parameter) {
	}

}
