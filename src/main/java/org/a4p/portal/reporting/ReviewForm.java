package org.a4p.portal.reporting;

import org.a4p.portal.shared.PlainText;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The Return form: the version the reviewer saw and why the entry goes back. Public with setters for
 * data binding only.
 */
public class ReviewForm {

	static final int MAX_COMMENT = 5000;

	private @Nullable Long version;

	private String comment = "";

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

	public String getComment() {
		return this.comment;
	}

	public void setComment(@Nullable String comment) {
		this.comment = (comment != null) ? PlainText.normaliseLineBreaks(comment) : "";
	}

	/** A comment is required to return an entry; plain text, at most {@link #MAX_COMMENT} characters. */
	public void validateForReturn(Errors errors) {
		if (this.comment.isBlank()) {
			errors.rejectValue("comment", "review.comment.required");
		}
		else if (PlainText.length(this.comment) > MAX_COMMENT) {
			errors.rejectValue("comment", "review.comment.too-long",
					new Object[] { MAX_COMMENT, PlainText.length(this.comment) }, null);
		}
		else if (PlainText.hasForbiddenCharacter(this.comment, true)) {
			errors.rejectValue("comment", "review.comment.control");
		}
	}

}
