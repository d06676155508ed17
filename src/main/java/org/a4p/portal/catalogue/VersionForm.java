package org.a4p.portal.catalogue;

import org.jspecify.annotations.Nullable;

/** The form that names a previewed file's new catalogue version and loads it (no Bean Validation: the use case checks). */
public class VersionForm {

	private @Nullable String label;

	private @Nullable String description;

	private @Nullable String sha256;

	public @Nullable String getLabel() {
		return this.label;
	}

	public void setLabel(@Nullable String label) {
		this.label = label;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable String getSha256() {
		return this.sha256;
	}

	public void setSha256(@Nullable String sha256) {
		this.sha256 = sha256;
	}

}
