package org.a4p.portal.publication;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.a4p.portal.shared.FormText;
import org.jspecify.annotations.Nullable;

/** The confirmation of a republish: why the closed cycle is published again. */
public class RepublishForm {

	@NotNull(message = "{publication.republish.reason.required}")
	@Size(max = RepublishCycle.REASON_MAX, message = "{publication.republish.reason.length}")
	private @Nullable String reason;

	public @Nullable String getReason() {
		return this.reason;
	}

	public void setReason(@Nullable String reason) {
		this.reason = FormText.clean(reason);
	}

}
