package org.a4p.portal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.AfterCommit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and locks the account after too many in a row (throttling
 * password guessing); a successful sign-in resets the count. Unknown user names count nothing.
 * Time comes from the portal's {@link Clock}.
 * <p>
 * Every failed sign-in (wrong password, locked or disabled account, unknown name) and every lock-out
 * is written to the audit log, in the transaction this class opens for it (a failed sign-in happens
 * outside any transaction), and counted in the metrics {@code portal.sign.in.failures} (tag
 * {@code reason}) and {@code portal.accounts.locked}, once committed. The user name as typed is
 * kept to {@link #NAME_KEPT} characters.
 */
@Component
class SignInAttempts {

	private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

	static final int NAME_KEPT = 100;

	private final UserAccountRepository users;

	private final AccountProperties properties;

	private final Clock clock;

	private final AuditLog audit;

	private final MeterRegistry meters;

	private final Counter lockOuts;

	SignInAttempts(UserAccountRepository users, AccountProperties properties, Clock clock, AuditLog audit,
			MeterRegistry meters) {
		this.users = users;
		this.properties = properties;
		this.clock = clock;
		this.audit = audit;
		this.meters = meters;
		this.lockOuts = Counter.builder("portal.accounts.locked")
			.description("Accounts locked after too many failed sign-ins")
			.register(meters);
	}

	@EventListener
	@Transactional
	public void onFailure(AbstractAuthenticationFailureEvent event) {
		String typed = event.getAuthentication().getName();
		String reason = reason(event);
		String key = UserAccount.canonicalUsername(typed);
		Long userId = this.users.findByUsername(key).map(UserAccount::getId).orElse(null);
		Map<String, @Nullable Object> details = new LinkedHashMap<>();
		details.put("username", shorten(typed));
		details.put("reason", reason);
		details.put("remoteAddress", remoteAddress(event));
		this.audit.recordSignInEvent("SIGN_IN_FAILED", userId,
				"Failed sign-in as '" + shorten(typed) + "' (" + reason + ")", details);
		Counter failures = Counter.builder("portal.sign.in.failures")
			.description("Failed sign-ins, by reason")
			.tag("reason", reason)
			.register(this.meters);
		AfterCommit.run(failures::increment);
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			registerFailure(typed);
		}
	}

	/** Counts one failed proof of the password of {@code username} (at sign-in or when changing it). */
	@Transactional
	public void registerFailure(String username) {
		String key = UserAccount.canonicalUsername(username);
		this.users.lockByUsername(key).ifPresent((user) -> {
			Instant now = this.clock.instant();
			boolean wasLocked = user.isLocked(now);
			user.registerFailedLogin(now, this.properties.maxFailedAttempts(), this.properties.lockDuration());
			if (user.isLocked(now) && !wasLocked) {
				log.warn("Account '{}' locked until {} after {} failed attempts", key, user.getLockedUntil(),
						user.getFailedAttempts());
				Map<String, @Nullable Object> details = new LinkedHashMap<>();
				details.put("lockedUntil", String.valueOf(user.getLockedUntil()));
				details.put("failedAttempts", user.getFailedAttempts());
				this.audit.recordSignInEvent("ACCOUNT_LOCKED", user.getId(), "Account '" + key + "' locked after "
						+ user.getFailedAttempts() + " failed attempts", details);
				AfterCommit.run(this.lockOuts::increment);
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

	private static String reason(AbstractAuthenticationFailureEvent event) {
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			return "bad-credentials";
		}
		if (event instanceof AuthenticationFailureLockedEvent) {
			return "locked";
		}
		if (event instanceof AuthenticationFailureDisabledEvent) {
			return "disabled";
		}
		return "other";
	}

	private static @Nullable String remoteAddress(AbstractAuthenticationFailureEvent event) {
		return (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web) ? web.getRemoteAddress()
				: null;
	}

	private static String shorten(String typed) {
		String oneLine = typed.replaceAll("\\p{Cntrl}", "?");
		return (oneLine.codePointCount(0, oneLine.length()) <= NAME_KEPT) ? oneLine
				: oneLine.substring(0, oneLine.offsetByCodePoints(0, NAME_KEPT)) + "…";
	}

}
