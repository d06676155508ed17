package org.a4p.portal.reporting;

/** The codes naming an entry in a URL: /entries/{cycle}/{stakeholder}/{commitment}. */
public record EntryRef(String cycleCode, String stakeholderCode, String commitmentCode) {

	/** The entry page's path. */
	String path() {
		return "/entries/" + this.cycleCode + "/" + this.stakeholderCode + "/" + this.commitmentCode;
	}

}
