package org.a4p.portal.account;

/** What a user of the portal may do (product brief section 5). */
public enum Role {

	/** Manages endorsements, users, capacities, cycles and the catalogue; does not report. */
	ADMIN,

	/** Secretariat staff: write Secretariat entries, write on behalf of states, validate or return. */
	SECRETARIAT,

	/** A Member State's delegate: drafts and submits that state's entries only. */
	DELEGATE;

	/**
	 * Where this role's work is, where sign-in leads when no page was asked for: the administration for
	 * administrators, the Secretariat's work page for staff, the state's page for delegates.
	 */
	public String home() {
		return switch (this) {
			case ADMIN -> "/admin";
			case SECRETARIAT -> "/secretariat";
			case DELEGATE -> "/my";
		};
	}

	/** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
