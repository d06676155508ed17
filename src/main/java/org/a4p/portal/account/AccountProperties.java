package org.a4p.portal.account;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in settings ({@code portal.accounts.*}).
 *
 * @param maxFailedAttempts failed sign-ins in a row that lock an account
 * @param lockDuration how long a lock lasts (an administrator can lift it sooner)
 * @param minPasswordLength the shortest password accepted
 */
@Validated
@ConfigurationProperties("portal.accounts")
public record AccountProperties(@DefaultValue("5") @Min(1) int maxFailedAttempts,
		@DefaultValue("15m") Duration lockDuration, @DefaultValue("12") @Min(8) int minPasswordLength) {
}
