package org.a4p.portal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.NotFoundException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator replaces a user's password by a generated temporary one, shown once to the
 * administrator; the user must change it at their next sign-in. Every session the user has open, on
 * every instance, is deleted once the reset commits ({@link UserSessions}): whoever held one must
 * sign in with the temporary password.
 */
@Service
class ResetPassword {

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final TemporaryPasswords temporaryPasswords;

	private final AuditLog audit;

	private final Clock clock;

	private final UserSessions sessions;

	ResetPassword(UserAccountRepository users, PasswordEncoder passwordEncoder, TemporaryPasswords temporaryPasswords,
			AuditLog audit, Clock clock, UserSessions sessions) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.temporaryPasswords = temporaryPasswords;
		this.audit = audit;
		this.clock = clock;
		this.sessions = sessions;
	}

	/** @return the temporary password to hand over */
	@Transactional
	String reset(long userId) {
		UserAccount target = this.users.lockById(userId).orElseThrow(() -> new NotFoundException("user " + userId));
		boolean wasRequired = target.isPasswordChangeRequired();
		String temporaryPassword = this.temporaryPasswords.next();
		Instant now = this.clock.instant();
		target.changePassword(this.passwordEncoder.encode(temporaryPassword), true, now);
		this.audit.record("PASSWORD_RESET", "user", userId,
				"Password of '" + target.getUsername() + "' reset by an administrator",
				Map.of("passwordChangeRequired", wasRequired),
				Map.of("passwordChangeRequired", true, "passwordChangedAt", now.toString()));
		this.sessions.endAllAfterCommit(target.getUsername());
		return temporaryPassword;
	}

}
