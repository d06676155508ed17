package org.a4p.portal.publication;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the public reads of a validated entry besides its status: the narrative and evidence links exactly as
 * the Secretariat validated them (the latest validated revision; for a closed cycle, as published), and the
 * day it was validated. Who validated it is not shown. Narrative and titles are text the writer typed, in
 * any language and script.
 *
 * @param narrative the narrative as validated ({@code ""} when none was written or the entry predates the
 * history of revisions)
 */
public record ValidatedText(OffsetDateTime validatedAt, String narrative, List<Link> evidence) {

	/** Narratives longer than this fold: an excerpt is shown, the rest behind a details/summary. */
	static final int FOLD_LENGTH = 600;

	/** About how many characters of a folded narrative are shown before it is opened. */
	static final int EXCERPT_LENGTH = 280;

	/** An evidence link as validated: its title and address, both as typed. */
	public record Link(String title, String url) {
	}

	public LocalDate validatedOn() {
		return this.validatedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
	}

	/** Whether there is anything to read beyond the status. */
	public boolean hasContent() {
		return !this.narrative.isBlank() || !this.evidence.isEmpty();
	}

	public boolean folded() {
		return this.narrative.length() > FOLD_LENGTH;
	}

	/** The beginning of a folded narrative, cut after a whole word, with an ellipsis. */
	public String excerpt() {
		if (!folded()) {
			return this.narrative;
		}
		int cut = this.narrative.lastIndexOf(' ', EXCERPT_LENGTH);
		if (cut < EXCERPT_LENGTH / 2) {
			cut = EXCERPT_LENGTH;
			// never split a surrogate pair (a character outside the Basic Multilingual Plane)
			if (Character.isLowSurrogate(this.narrative.charAt(cut))) {
				cut--;
			}
		}
		return this.narrative.substring(0, cut).stripTrailing() + "…";
	}

	/** Text read from a validated revision or a publication ({@code evidence} already parsed). */
	static @Nullable ValidatedText of(@Nullable OffsetDateTime validatedAt, @Nullable String narrative,
			List<Link> evidence) {
		if (validatedAt == null) {
			return null;
		}
		return new ValidatedText(validatedAt, (narrative != null) ? narrative : "", List.copyOf(evidence));
	}

}
