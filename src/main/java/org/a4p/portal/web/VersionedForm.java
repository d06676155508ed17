package org.a4p.portal.web;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * A form that edits a record at the version its editor saw (optimistic locking): the page carries the
 * version in a hidden input, and {@link Forms#edit} refuses a form without one as out of date.
 */
public abstract class VersionedForm {

	private @Nullable Long version;

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

	/** The version sent, once the form was checked to carry one. */
	protected long expectedVersion() {
		return Objects.requireNonNull(this.version, "version");
	}

	/** Adds "the form is out of date" when the form carries no version (a page from before, a hand-made request). */
	void requireVersion(Errors errors) {
		if (this.version == null) {
			errors.reject("admin.form.stale");
		}
	}

}
