package org.a4p.portal.support;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.account.Role;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Signed-in users for MockMvc requests: real {@link PortalUser}s, as the sign-in would create them. */
public final class SignedInUsers {

	private SignedInUsers() {
	}

	public static PortalUser admin() {
		return new PortalUser(-1, "test-admin", "Test Administrator", null, Role.ADMIN, null, null, true, false);
	}

	public static PortalUser secretariat() {
		return new PortalUser(-2, "test-staff", "Test Staff", null, Role.SECRETARIAT, null, null, true, false);
	}

	/** A delegate of the state with this id and code (e.g. PAK). */
	public static PortalUser delegate(long stakeholderId, String code) {
		return new PortalUser(-3, "test-delegate-" + code.toLowerCase(java.util.Locale.ROOT), "Test Delegate", null,
				Role.DELEGATE, stakeholderId, code, true, false);
	}

	public static RequestPostProcessor asAdmin() {
		return user(admin());
	}

	public static RequestPostProcessor asSecretariat() {
		return user(secretariat());
	}

	public static RequestPostProcessor asDelegate(long stakeholderId, String code) {
		return user(delegate(stakeholderId, code));
	}

}
