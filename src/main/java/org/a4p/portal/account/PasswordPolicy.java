package org.a4p.portal.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What a password must be: at least {@code portal.accounts.min-password-length} characters, at most
 * 72 bytes in UTF-8 (bcrypt ignores anything longer, and Spring Security refuses it), and not the
 * user name. Length, not composition rules, is what makes a password strong (NIST SP 800-63B).
 */
@Component
class PasswordPolicy {

	/** bcrypt reads at most 72 bytes of a password. */
	static final int MAX_BYTES = 72;

	private final AccountProperties properties;

	PasswordPolicy(AccountProperties properties) {
		this.properties = properties;
	}

	int minLength() {
		return this.properties.minPasswordLength();
	}

	/** The message key of what is wrong with {@code password} for {@code username}, if anything. */
	Optional<String> problem(String username, String password) {
		if (password.isBlank()) {
			return Optional.of("password.new.required");
		}
		if (password.codePointCount(0, password.length()) < minLength()) {
			return Optional.of("password.new.too-short");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("password.new.too-long");
		}
		if (password.trim().toLowerCase(Locale.ROOT).equals(username.trim().toLowerCase(Locale.ROOT))) {
			return Optional.of("password.new.same-as-username");
		}
		return Optional.empty();
	}

}
