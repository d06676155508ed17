package org.a4p.portal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in user changes their own password: they prove the current one, and the new one must
 * follow the {@link PasswordPolicy}, differ from the current one and be typed twice alike. A wrong
 * current password counts as a failed sign-in (a stolen session cannot guess it freely). The change
 * lifts a "must change password" flag, is audited without any hash, and ends the user's other sessions
 * (another browser, a forgotten computer) once it commits: only the session that changed it goes on.
 */
@Service
class ChangeOwnPassword {

	/** The passwords as typed (never logged: {@link #toString} leaves them out). */
	record Command(String currentPassword, String newPassword, String confirmPassword) {

		@Override
		public String toString() {
			return "ChangeOwnPassword.Command[passwords not shown]";
		}

	}

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final SignInAttempts attempts;

	private final AuditLog audit;

	private final Clock clock;

	private final UserSessions sessions;

	ChangeOwnPassword(UserAccountRepository users, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			SignInAttempts attempts, AuditLog audit, Clock clock, UserSessions sessions) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.attempts = attempts;
		this.audit = audit;
		this.clock = clock;
		this.sessions = sessions;
	}

	/**
	 * @param sessionId the session the change is made in: it goes on, the user's others end
	 * @throws Refusal naming what is wrong with the passwords. Nothing but the failed-attempt count is written
	 * then (it is kept: the refusal does not roll back a wrong current password's count).
	 */
	@Transactional(noRollbackFor = Refusal.class)
	void change(long userId, Command command, String sessionId) {
		UserAccount account = this.users.lockById(userId).orElseThrow(() -> new NotFoundException("user " + userId));
		List<Refusal.Problem> problems = new ArrayList<>();
		boolean currentOk = this.passwordEncoder.matches(command.currentPassword(), account.getPasswordHash());
		if (!currentOk) {
			problems.add(new Refusal.Problem("currentPassword", "password.current.wrong"));
		}
		this.policy.problem(account.getUsername(), command.newPassword())
			.ifPresent((key) -> problems.add(new Refusal.Problem("newPassword", key, this.policy.minLength())));
		if (currentOk && command.newPassword().equals(command.currentPassword())) {
			problems.add(new Refusal.Problem("newPassword", "password.new.same-as-current"));
		}
		if (!command.confirmPassword().equals(command.newPassword())) {
			problems.add(new Refusal.Problem("confirmPassword", "password.confirm.mismatch"));
		}
		if (!currentOk) {
			this.attempts.registerFailure(account.getUsername());
		}
		Refusal.throwIfAny(problems);
		Map<String, @Nullable Object> before = new LinkedHashMap<>();
		before.put("passwordChangeRequired", account.isPasswordChangeRequired());
		Instant now = this.clock.instant();
		account.changePassword(this.passwordEncoder.encode(command.newPassword()), false, now);
		Map<String, @Nullable Object> after = new LinkedHashMap<>();
		after.put("passwordChangeRequired", false);
		after.put("passwordChangedAt", now.toString());
		this.audit.record("PASSWORD_CHANGED", "user", userId, "'" + account.getUsername() + "' changed their password",
				before, after);
		this.sessions.endOthersAfterCommit(account.getUsername(), sessionId);
	}

}
