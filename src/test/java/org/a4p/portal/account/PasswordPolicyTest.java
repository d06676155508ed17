package org.a4p.portal.account;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	final PasswordPolicy policy = new PasswordPolicy(new AccountProperties(5, Duration.ofMinutes(15), 12));

	@Test
	void twelveCharactersAreEnoughElevenAreNot() {
		assertThat(this.policy.problem("alice", "twelve chars")).isEmpty();
		assertThat(this.policy.problem("alice", "eleven char")).contains("password.new.too-short");
	}

	@Test
	void charactersAreCountedNotBytesOrUtf16Units() {
		assertThat(this.policy.problem("alice", "和平行动承诺门户的一个密码")).isEmpty();
		assertThat(this.policy.problem("alice", "😀😀😀😀😀😀😀😀😀😀😀")).contains("password.new.too-short");
	}

	@Test
	void moreThanSeventyTwoBytesAreRefusedBecauseBcryptWouldIgnoreThem() {
		assertThat(this.policy.problem("alice", "a".repeat(72))).isEmpty();
		assertThat(this.policy.problem("alice", "a".repeat(73))).contains("password.new.too-long");
		assertThat(this.policy.problem("alice", "长".repeat(25))).contains("password.new.too-long");
	}

	@Test
	void theUserNameInAnyCaseIsNotAPassword() {
		assertThat(this.policy.problem("secretariat.staff", "Secretariat.Staff")).contains("password.new.same-as-username");
		assertThat(this.policy.problem("secretariat.staff", "            ")).contains("password.new.required");
	}

}
