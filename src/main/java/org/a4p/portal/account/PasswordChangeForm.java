package org.a4p.portal.account;

import jakarta.validation.constraints.NotEmpty;

/**
 * The change-password form. The rules on the new password that depend on settings or on the account
 * (length, not the user name, not the current one) are checked by {@link ChangeOwnPassword}. Password
 * values are never sent back to the browser, even when the form is shown again with errors.
 */
class PasswordChangeForm {

	@NotEmpty(message = "{password.current.required}")
	private String currentPassword = "";

	@NotEmpty(message = "{password.new.required}")
	private String newPassword = "";

	@NotEmpty(message = "{password.confirm.required}")
	private String confirmPassword = "";

	ChangeOwnPassword.Command toCommand() {
		return new ChangeOwnPassword.Command(this.currentPassword, this.newPassword, this.confirmPassword);
	}

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getNewPassword() {
		return this.newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getConfirmPassword() {
		return this.confirmPassword;
	}

	public void setConfirmPassword(String confirmPassword) {
		this.confirmPassword = confirmPassword;
	}

}
