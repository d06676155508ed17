package org.a4p.portal.account;

import java.util.Map;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Refusal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator disables an account: it can no longer sign in, and a session it has open ends at
 * its next request. Administrators cannot disable themselves, and the last enabled administrator
 * cannot be disabled. Nothing is deleted; {@link EnableUser} undoes it.
 */
@Service
class DisableUser {

	private final UserAccountRepository users;

	private final AuditLog audit;

	DisableUser(UserAccountRepository users, AuditLog audit) {
		this.users = users;
		this.audit = audit;
	}

	/**
	 * @return whether anything changed (false when the account was already disabled)
	 * @throws Refusal when the actor targets themselves or the last enabled administrator
	 */
	@Transactional
	boolean disable(long userId, PortalUser actor) {
		if (userId == actor.id()) {
			throw Refusal.because("users.disable.refused.self");
		}
		UserAccount target = this.users.lockById(userId).orElseThrow(() -> new NotFoundException("user " + userId));
		if (!target.isEnabled()) {
			return false;
		}
		if (target.getRole() == Role.ADMIN) {
			long enabledAdmins = this.users.lockEnabledWithRole(Role.ADMIN).size();
			if (enabledAdmins <= 1) {
				throw Refusal.because("users.disable.refused.last-admin");
			}
		}
		target.setEnabled(false);
		this.audit.record("USER_DISABLED", "user", userId, "User '" + target.getUsername() + "' disabled",
				Map.of("enabled", true), Map.of("enabled", false));
		return true;
	}

}
