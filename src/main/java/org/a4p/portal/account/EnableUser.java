package org.a4p.portal.account;

import java.util.Map;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator enables a disabled account again. */
@Service
class EnableUser {

	private final UserAccountRepository users;

	private final AuditLog audit;

	EnableUser(UserAccountRepository users, AuditLog audit) {
		this.users = users;
		this.audit = audit;
	}

	/** @return whether anything changed (false when the account was already enabled) */
	@Transactional
	boolean enable(long userId) {
		UserAccount target = this.users.lockById(userId).orElseThrow(() -> new NotFoundException("user " + userId));
		if (target.isEnabled()) {
			return false;
		}
		target.setEnabled(true);
		this.audit.record("USER_ENABLED", "user", userId, "User '" + target.getUsername() + "' enabled",
				Map.of("enabled", false), Map.of("enabled", true));
		return true;
	}

}
