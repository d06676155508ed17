package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.a4p.portal.endorsement.EndorsementQueries.AdminRow;
import org.a4p.portal.shared.FormText;
import org.a4p.portal.web.ConflictPage;
import org.a4p.portal.web.VersionedForm;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** The withdrawal form: when and why; the version is the one the editor saw. */
public class WithdrawalForm extends VersionedForm {

	@NotNull(message = "{admin.withdraw.date.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate withdrawnOn;

	@NotBlank(message = "{admin.withdraw.reason.required}")
	@Size(max = EndorsementRules.REASON_MAX, message = "{admin.withdraw.reason.too-long}")
	private @Nullable String reason;

	/** The withdrawal, once the form passed validation. */
	WithdrawEndorsement.Command toCommand() {
		return new WithdrawEndorsement.Command(expectedVersion(), Objects.requireNonNull(this.withdrawnOn),
				Objects.requireNonNull(this.reason));
	}

	/** This form beside the endorsement as it is now, for the conflict page. */
	List<ConflictPage.Row> conflictRows(AdminRow now) {
		return List.of(
				new ConflictPage.Row("admin.endorsement.endorsed-on", ConflictPage.text(now.endorsedOn()),
						ConflictPage.text(now.endorsedOn())),
				new ConflictPage.Row("admin.endorsement.withdrawn-on", ConflictPage.text(this.withdrawnOn),
						ConflictPage.text(now.withdrawnOn())),
				new ConflictPage.Row("admin.withdraw.reason", this.reason, now.withdrawalReason()));
	}

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

}
