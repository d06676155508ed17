package org.a4p.portal.account;

import java.time.Instant;
import java.util.Locale;

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
 */
@Component
class SignInAttempts {

	private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

	private final UserAccountRepository users;

	private final AccountProperties properties;

	SignInAttempts(UserAccountRepository users, AccountProperties properties) {
		this.users = users;
		this.properties = properties;
	}

	@EventListener
	@Transactional
	public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName().trim().toLowerCase(Locale.ROOT);
		this.users.lockByUsername(username).ifPresent((user) -> {
			user.registerFailedLogin(Instant.now(), this.properties.maxFailedAttempts(), this.properties.lockDuration());
			if (user.isLocked(Instant.now())) {
				log.warn("Account '{}' locked until {} after {} failed sign-ins", username, user.getLockedUntil(),
						user.getFailedAttempts());
			}
		});
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		this.users.lockByUsername(event.getAuthentication().getName())
			.ifPresent((user) -> user.registerSuccessfulLogin(Instant.now()));
	}

}
