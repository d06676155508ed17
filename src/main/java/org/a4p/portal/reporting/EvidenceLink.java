package org.a4p.portal.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A link to evidence for a progress entry: a title and an http(s) address, both stored as typed. */
@Embeddable
class EvidenceLink {

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private String url;

	protected EvidenceLink() {
		this.title = "";
		this.url = "";
	}

	EvidenceLink(String title, String url) {
		this.title = title;
		this.url = url;
	}

	String title() {
		return this.title;
	}

	String url() {
		return this.url;
	}

	Link toLink() {
		return new Link(this.title, this.url);
	}

	/** An evidence link as pages and the history show it. */
	public record Link(String title, String url) {
	}

}
