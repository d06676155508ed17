package org.a4p.portal.account;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemporaryPasswordsTest {

	final TemporaryPasswords passwords = new TemporaryPasswords();

	@Test
	void twentyUnambiguousCharactersEachTime() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String password = this.passwords.next();
			assertThat(password).hasSize(20).matches("[" + TemporaryPasswords.ALPHABET + "]{20}").doesNotContain("0", "O",
					"1", "l", "I");
			seen.add(password);
		}
		assertThat(seen).hasSize(2000);
	}

	@Test
	void theyFollowThePasswordPolicyForAnyUserName() {
		PasswordPolicy policy = new PasswordPolicy(new AccountProperties(5, java.time.Duration.ofMinutes(15), 16));
		for (int i = 0; i < 100; i++) {
			assertThat(policy.problem("someone", this.passwords.next())).isEmpty();
		}
	}

}
