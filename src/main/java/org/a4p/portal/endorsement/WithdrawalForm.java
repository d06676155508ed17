package org.a4p.portal.endorsement;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.a4p.portal.shared.FormText;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** The withdrawal form: when and why; the version is the one the editor saw. */
public class WithdrawalForm {

	@NotNull(message = "{admin.withdraw.date.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate withdrawnOn;

	@NotBlank(message = "{admin.withdraw.reason.required}")
	@Size(max = EndorsementRules.REASON_MAX, message = "{admin.withdraw.reason.too-long}")
	private @Nullable String reason;

	private @Nullable Long version;

	public @Nullable LocalDate getWithdrawnOn() {
		return this.withdrawnOn;
	}

	public void setWithdrawnOn(@Nullable LocalDate withdrawnOn) {
		this.withdrawnOn = withdrawnOn;
	}

	public @Nullable String getReason() {
		return this.reason;
	}

	public void setReason(@Nullable String reason) {
		this.reason = FormText.clean(reason);
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
