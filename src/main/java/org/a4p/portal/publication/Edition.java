package org.a4p.portal.publication;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.a4p.portal.cycle.CycleChoice;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.progress.Pairs;
import org.jspecify.annotations.Nullable;

/**
 * What a public progress page shows: the cycle chosen ({@code ?cycle=}, see {@link CycleChoice}) and which
 * of its publications. An open cycle is shown live; a closed one as published in force. An earlier
 * publication of the cycle (superseded by a republish, or by reopening and closing again) stays readable at
 * {@code ?cycle=CODE&publication=ID}, labelled as superseded. Controllers take it as an argument
 * ({@link Editions}); links between public pages keep it ({@link #link(String)}).
 *
 * @param publications every publication of the cycle, oldest first
 * @param earlier the earlier publication shown instead of what the cycle shows now, or {@code null}
 */
public record Edition(CycleChoice choice, List<Publication> publications, @Nullable Publication earlier) {

	/** The request parameter naming a publication. */
	static final String PARAMETER = "publication";

	/**
	 * A publication of a cycle: when it was recorded and, if a later one replaced it, when.
	 */
	public record Publication(long id, OffsetDateTime publishedAt, @Nullable OffsetDateTime supersededAt) {

		public LocalDate publishedOn() {
			return this.publishedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
		}

		public @Nullable LocalDate supersededOn() {
			return (this.supersededAt != null) ? this.supersededAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()
					: null;
		}

		public boolean inForce() {
			return this.supersededAt == null;
		}

	}

	/** The cycle shown, {@code null} only when no cycle exists. */
	public @Nullable CycleView cycle() {
		return this.choice.cycle();
	}

	/** The publication in force, if the cycle has one (a closed cycle has; a reopened one keeps its last). */
	public @Nullable Publication inForce() {
		return this.publications.stream().filter(Publication::inForce).findFirst().orElse(null);
	}

	/** Whether the page shows the cycle live from its entries (open, or closed and never published). */
	public boolean live() {
		CycleView cycle = cycle();
		return this.earlier == null && cycle != null && (cycle.open() || inForce() == null);
	}

	/** Whether the page shows the cycle as published (in force or earlier), not live. */
	public boolean published() {
		return cycle() != null && !live();
	}

	/**
	 * The day the publication shown replaced an earlier one ("corrected on"), when the page shows a closed
	 * cycle's publication in force and it is not the first; else {@code null}.
	 */
	public @Nullable LocalDate correctedOn() {
		Publication inForce = inForce();
		if (this.earlier != null || live() || inForce == null || this.publications.size() < 2) {
			return null;
		}
		return inForce.publishedOn();
	}

	/** The publications a reader can open besides what the page shows, oldest first. */
	public List<Publication> others() {
		return this.publications.stream()
			.filter((p) -> (this.earlier != null) ? p.id() != this.earlier.id() : (live() || !p.inForce()))
			.toList();
	}

	/** The pairs the figures of this page count (what the public sees). */
	public Pairs pairs() {
		return (this.earlier != null) ? Pairs.publication(this.earlier.id()) : Pairs.PUBLISHED;
	}

	/** A link to another public page showing the same cycle and publication. */
	public String link(String path) {
		String link = this.choice.link(path);
		if (this.earlier == null) {
			return link;
		}
		CycleView cycle = cycle();
		String cycleParam = (this.choice.carriedCode() == null && cycle != null)
				? CycleChoice.PARAMETER + "=" + URLEncoder.encode(cycle.code(), StandardCharsets.UTF_8) + "&" : "";
		return link + (link.contains("?") ? "&" : "?") + cycleParam + PARAMETER + "=" + this.earlier.id();
	}

	/** A link to this page showing one publication of the cycle (the one in force: the page's usual address). */
	public String linkTo(Publication publication, String path) {
		Edition other = new Edition(this.choice, this.publications,
				(publication.inForce() && !live()) ? null : publication);
		return other.link(path);
	}

}
