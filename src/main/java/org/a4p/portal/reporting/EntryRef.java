package org.a4p.portal.reporting;

/** The codes naming an entry in a URL: /entries/{cycle}/{stakeholder}/{commitment}. */
public record EntryRef(String cycleCode, String stakeholderCode, String commitmentCode) {

	/** The entry page's path, e.g. {@code /entries/2026/PAK/POL-1}. */
	public String path() {
		return "/entries/" + this.cycleCode + "/" + this.stakeholderCode + "/" + this.commitmentCode;
	}

}
