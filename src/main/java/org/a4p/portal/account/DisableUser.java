package org.a4p.portal.account;

import java.util.Map;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Refusal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator disables an account: it can no longer sign in, and every session it has open, on
 * every instance, is deleted once the change commits ({@link UserSessions}). Administrators cannot disable themselves, and the last enabled administrator
 * cannot be disabled. Nothing is deleted; {@link EnableUser} undoes it.
 */
@Service
class DisableUser {

	private final UserAccountRepository users;

	private final AuditLog audit;

	private final UserSessions sessions;

	DisableUser(UserAccountRepository users, AuditLog audit, UserSessions sessions) {
		this.users = users;
		this.audit = audit;
		this.sessions = sessions;
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
		this.sessions.endAllAfterCommit(target.getUsername());
		return true;
	}

}
