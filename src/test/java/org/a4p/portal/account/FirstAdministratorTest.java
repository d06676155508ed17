package org.a4p.portal.account;

import java.time.Clock;
import java.util.Optional;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/** The component run directly, in a transaction rolled back after each test. */
@PortalTest
@Transactional
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

	static final String GOOD_PASSWORD = "a long enough passphrase";

	@Autowired
	UserAccountRepository users;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	PasswordPolicy policy;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@BeforeEach
	void noAdministratorYet() {
		this.jdbc.sql("update app_user set role = 'SECRETARIAT' where role = 'ADMIN'").update();
	}

	private Optional<UserAccount> run(String username, String password) {
		return new FirstAdministrator(this.users, this.passwordEncoder, this.policy, this.audit, this.jdbc, username,
				password, this.clock)
			.createIfNone();
	}

	private long admins() {
		return this.jdbc.sql("select count(*) from app_user where role = 'ADMIN'").query(Long.class).single();
	}

	@Test
	void createsTheFirstAdministratorWhenNoneExistsAndBothVariablesAreSet(CapturedOutput output) {
		Optional<UserAccount> created = run(" Root.Admin ", GOOD_PASSWORD);
		assertThat(created).isPresent();
		var row = this.jdbc.sql("select id, username, role, password_hash, enabled from app_user where role = 'ADMIN'")
			.query()
			.singleRow();
		assertThat(row).containsEntry("username", "root.admin").containsEntry("enabled", true);
		assertThat(row.get("password_hash").toString()).startsWith("{bcrypt}").doesNotContain(GOOD_PASSWORD);
		assertThat(this.passwordEncoder.matches(GOOD_PASSWORD, row.get("password_hash").toString())).isTrue();
		var audit = this.jdbc.sql("select actor, after_state::text as after from audit_event "
				+ "where action = 'USER_CREATED' and entity_id = ?").param(row.get("id").toString()).query().singleRow();
		assertThat(audit).containsEntry("actor", "system");
		assertThat(audit.get("after").toString()).contains("root.admin").doesNotContain("bcrypt");
		assertThat(output).contains("Created the first administrator 'root.admin' from PORTAL_ADMIN_USERNAME");
	}

	@Test
	void createsNothingWhenAnAdministratorExists() {
		new TestUsers(this.jdbc).insert("existing-admin", Role.ADMIN, null, TestUsers.NO_PASSWORD);
		assertThat(run("root.admin", GOOD_PASSWORD)).isEmpty();
		assertThat(admins()).isEqualTo(1);
		assertThat(this.users.findByUsername("root.admin")).isEmpty();
	}

	@Test
	void createsNothingUnlessBothVariablesAreSet(CapturedOutput output) {
		assertThat(run("", GOOD_PASSWORD)).isEmpty();
		assertThat(run("root.admin", "")).isEmpty();
		assertThat(run("  ", "  ")).isEmpty();
		assertThat(admins()).isZero();
		assertThat(output).contains("Set PORTAL_ADMIN_USERNAME and PORTAL_ADMIN_PASSWORD");
	}

	@Test
	void refusesAShortPassword(CapturedOutput output) {
		assertThat(run("root.admin", "elevenchars")).isEmpty();
		assertThat(admins()).isZero();
		assertThat(output).contains("PORTAL_ADMIN_PASSWORD refused").contains("at least 12 characters");
		assertThat(run("root.admin", "twelve chars")).isPresent();
	}

	@Test
	void refusesTheUserNameAsPasswordAndAnInvalidUserName() {
		assertThat(run("administrator", "ADMINISTRATOR")).isEmpty();
		assertThat(run("no spaces allowed", GOOD_PASSWORD)).isEmpty();
		assertThat(admins()).isZero();
	}

}
