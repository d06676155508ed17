package org.a4p.portal.account;

import java.util.HashSet;
import java.util.Set;

import org.a4p.portal.shared.AfterCommit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a user, on every instance: sessions live in PostgreSQL (Spring Session JDBC),
 * so deleting a user's rows signs them out everywhere at their next request.
 * <p>
 * The deletion happens <em>after</em> the write that asks for it commits, not inside its transaction:
 * <ul>
 * <li>the session repository runs each call in a transaction of its own ({@code REQUIRES_NEW}), so
 * deleting "in" the write's transaction would not be atomic with it anyway: a write rolled back after
 * the deletion would still have signed the user out;</li>
 * <li>deleted before the commit, a session could be created again in between, by a sign-in that
 * still reads the account as it was (enabled, old password); deleted after, every sign-in from then on
 * reads the new state.</li>
 * </ul>
 * What remains: a sign-in already past the password check when the write commits, or an instance
 * dying between the commit and the deletion. {@link AccountStateFilter} covers both, reading the
 * account on every signed-in request: a disabled account is signed out, a reset password sends the
 * session to the change-password page (whose current password it does not know).
 */
@Component
class UserSessions {

	private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** Ends every session of {@code username} once the current transaction commits. */
	void endAllAfterCommit(String username) {
		AfterCommit.run(() -> endAll(username));
	}

	/**
	 * Ends every session of {@code username} but the one given (where they just changed their password) once the
	 * current transaction commits.
	 */
	void endOthersAfterCommit(String username, String keptSessionId) {
		AfterCommit.run(() -> end(username, keptSessionId));
	}

	/** @return how many sessions were ended */
	int endAll(String username) {
		return end(username, null);
	}

	private int end(String username, @Nullable String kept) {
		Set<String> ids = new HashSet<>(this.sessions.findByPrincipalName(username).keySet());
		if (kept != null) {
			ids.remove(kept);
		}
		ids.forEach(this.sessions::deleteById);
		if (!ids.isEmpty()) {
			log.info("Ended {} session(s) of '{}'", ids.size(), username);
		}
		return ids.size();
	}

}
