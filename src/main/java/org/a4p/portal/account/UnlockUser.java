package org.a4p.portal.account;

import java.util.LinkedHashMap;
import java.util.Map;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator lifts a lock-out at once, and clears the count of failed sign-ins. */
@Service
class UnlockUser {

	private final UserAccountRepository users;

	private final AuditLog audit;

	UnlockUser(UserAccountRepository users, AuditLog audit) {
		this.users = users;
		this.audit = audit;
	}

	/** @return whether anything changed (false when there was no lock and no failed sign-in to clear) */
	@Transactional
	boolean unlock(long userId) {
		UserAccount target = this.users.lockById(userId).orElseThrow(() -> new NotFoundException("user " + userId));
		if (target.getLockedUntil() == null && target.getFailedAttempts() == 0) {
			return false;
		}
		Map<String, @Nullable Object> before = new LinkedHashMap<>();
		before.put("failedAttempts", target.getFailedAttempts());
		before.put("lockedUntil", (target.getLockedUntil() != null) ? target.getLockedUntil().toString() : null);
		target.unlock();
		Map<String, @Nullable Object> after = new LinkedHashMap<>();
		after.put("failedAttempts", 0);
		after.put("lockedUntil", null);
		this.audit.record("USER_UNLOCKED", "user", userId, "User '" + target.getUsername() + "' unlocked", before,
				after);
		return true;
	}

}
