package org.a4p.portal.account;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and locks the account after too many in a row (throttling
 * password guessing); a successful sign-in resets the count. Unknown user names count nothing.
 * Time comes from the portal's {@link Clock}.
 */
@Component
class SignInAttempts {

	private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

	private final UserAccountRepository users;

	private final AccountProperties properties;

	private final Clock clock;

	SignInAttempts(UserAccountRepository users, AccountProperties properties, Clock clock) {
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		registerFailure(event.getAuthentication().getName());
	}

	/** Counts one failed proof of the password of {@code username} (at sign-in or when changing it). */
	@Transactional
	public void registerFailure(String username) {
		String key = UserAccount.canonicalUsername(username);
		this.users.lockByUsername(key).ifPresent((user) -> {
			Instant now = this.clock.instant();
			user.registerFailedLogin(now, this.properties.maxFailedAttempts(), this.properties.lockDuration());
			if (user.isLocked(now)) {
				log.warn("Account '{}' locked until {} after {} failed attempts", key, user.getLockedUntil(),
						user.getFailedAttempts());
			}
		});
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		this.users.lockByUsername(UserAccount.canonicalUsername(event.getAuthentication().getName()))
			.ifPresent((user) -> user.registerSuccessfulLogin(this.clock.instant()));
	}

	/** Whether the account of {@code username} is locked now (false for an unknown name). */
	@Transactional(readOnly = true)
	public boolean isLocked(String username) {
		return this.users.findByUsername(UserAccount.canonicalUsername(username))
			.map((user) -> user.isLocked(this.clock.instant()))
			.orElse(false);
	}

}
