package org.a4p.portal.reporting;

import java.util.ArrayList;
import java.util.List;

import org.a4p.portal.progress.Status;
import org.a4p.portal.reporting.EntryQueries.EntryView;
import org.a4p.portal.reporting.EvidenceLink.Link;
import org.a4p.portal.reporting.ProgressEntry.Content;
import org.a4p.portal.shared.PlainText;
import org.jspecify.annotations.Nullable;

/**
 * The entry form as typed: every value kept as a string so that a form with errors is shown again
 * exactly as sent. Checked by {@link EntryFormValidator}. Public with setters for data binding only.
 */
public class EntryForm {

	/** Evidence rows the form offers at least, so links can be added without JavaScript. */
	static final int MIN_ROWS = 5;

	/** Evidence links an entry may have at most. */
	static final int MAX_LINKS = 10;

	private @Nullable String status;

	private String narrative = "";

	private List<EvidenceRow> evidence = new ArrayList<>();

	private @Nullable Long version;

	/** An empty form for a new entry. */
	static EntryForm blank() {
		EntryForm form = new EntryForm();
		form.padRows();
		return form;
	}

	/** A form filled from the saved entry. */
	static EntryForm of(EntryView entry) {
		EntryForm form = new EntryForm();
		form.status = entry.status().name();
		form.narrative = entry.narrative();
		for (Link link : entry.evidence()) {
			form.evidence.add(new EvidenceRow(link.title(), link.url()));
		}
		form.version = entry.version();
		form.padRows();
		return form;
	}

	/** Adds empty rows up to {@link #MIN_ROWS}, and two spare ones beyond the filled rows (at most {@link #MAX_LINKS}). */
	void padRows() {
		long filled = this.evidence.stream().filter((row) -> !row.isBlank()).count();
		long wanted = Math.max(MIN_ROWS, Math.min(MAX_LINKS, filled + 2));
		while (this.evidence.size() < wanted) {
			this.evidence.add(new EvidenceRow());
		}
	}

	/** CR LF from the browser made LF; titles and addresses trimmed. */
	void normalise() {
		this.narrative = PlainText.normaliseLineBreaks(this.narrative);
		if (this.status != null) {
			this.status = this.status.trim();
		}
		for (EvidenceRow row : this.evidence) {
			row.setTitle(row.getTitle().strip());
			row.setUrl(row.getUrl().strip());
		}
	}

	/** The content to save; call only when the validator found no error. */
	Content toContent() {
		List<Link> links = this.evidence.stream()
			.filter((row) -> !row.isBlank())
			.map((row) -> new Link(row.getTitle(), row.getUrl()))
			.toList();
		return new Content(Status.valueOf(requireStatus()), this.narrative, links);
	}

	private String requireStatus() {
		if (this.status == null) {
			throw new IllegalStateException("Validate the form first");
		}
		return this.status;
	}

	public @Nullable String getStatus() {
		return this.status;
	}

	public void setStatus(@Nullable String status) {
		this.status = status;
	}

	public String getNarrative() {
		return this.narrative;
	}

	public void setNarrative(@Nullable String narrative) {
		this.narrative = (narrative != null) ? narrative : "";
	}

	public List<EvidenceRow> getEvidence() {
		return this.evidence;
	}

	public void setEvidence(List<EvidenceRow> evidence) {
		this.evidence = evidence;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

	/** One row of evidence inputs; a row with both inputs empty is ignored. */
	public static class EvidenceRow {

		private String title = "";

		private String url = "";

		public EvidenceRow() {
		}

		EvidenceRow(String title, String url) {
			this.title = title;
			this.url = url;
		}

		boolean isBlank() {
			return this.title.isBlank() && this.url.isBlank();
		}

		public String getTitle() {
			return this.title;
		}

		public void setTitle(@Nullable String title) {
			this.title = (title != null) ? title : "";
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = (url != null) ? url : "";
		}

	}

}
