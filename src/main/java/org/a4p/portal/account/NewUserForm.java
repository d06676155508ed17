package org.a4p.portal.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The form an administrator fills in to create a user. The user name may be typed in any case (it is
 * stored in lower case); whether a Member State is required depends on the role and is checked by
 * {@link CreateUser}, as is a user name already taken.
 */
class NewUserForm {

	/** A user name as typed: any case, spaces around allowed (both are dropped when it is stored). */
	static final String USERNAME_PATTERN = "\\s*[A-Za-z0-9][A-Za-z0-9._@-]{2,99}\\s*";

	// Patterns accept "" so that an empty field gets one message (from @NotBlank), not two.
	@NotBlank(message = "{users.username.required}")
	@Pattern(regexp = "|" + USERNAME_PATTERN, message = "{users.username.invalid}")
	private String username = "";

	@NotBlank(message = "{users.display-name.required}")
	@Size(max = 200, message = "{users.display-name.too-long}")
	private String displayName = "";

	@Email(message = "{users.email.invalid}")
	@Size(max = 320, message = "{users.email.invalid}")
	private String email = "";

	@NotBlank(message = "{users.role.required}")
	@Pattern(regexp = "|ADMIN|SECRETARIAT|DELEGATE", message = "{users.role.required}")
	private String role = "";

	private String stateCode = "";

	/** The user to create, once the form passed Bean Validation (the role is then one of the roles). */
	CreateUser.Command toCommand() {
		return new CreateUser.Command(this.username, this.displayName, this.email.isBlank() ? null : this.email,
				Role.valueOf(this.role), this.stateCode.isBlank() ? null : this.stateCode);
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getRole() {
		return this.role;
	}

	public void setRole(String role) {
		this.role = role;
	}

	public String getStateCode() {
		return this.stateCode;
	}

	public void setStateCode(String stateCode) {
		this.stateCode = stateCode;
	}

}
