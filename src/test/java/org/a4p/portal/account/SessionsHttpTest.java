package org.a4p.portal.account;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.a4p.portal.support.FormClient;
import org.a4p.portal.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), over real HTTP: a session is a row with its
 * user's name and a 30-minute idle timeout; it ends when idle that long, at sign-out (which also tells
 * the browser to drop what it kept), and when an administrator disables the account or resets its
 * password (every session of that user, the deletion going to the database every instance reads).
 * Users are committed and deleted afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionsHttpTest {

	static final String PASSWORD = "a passphrase for sessions";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	long delegateId;

	@BeforeEach
	void users() {
		TestUsers users = new TestUsers(this.jdbc);
		String hash = this.passwordEncoder.encode(PASSWORD);
		this.delegateId = users.insert("session-delegate", Role.DELEGATE, "PAK", hash);
		users.insert("session-admin", Role.ADMIN, null, hash);
	}

	@AfterEach
	void deleteUsers() {
		this.jdbc.sql("delete from spring_session where principal_name in ('session-delegate', 'session-admin')").update();
		this.jdbc.sql("delete from audit_event where entity_type = 'user' and entity_id in "
				+ "(select id::text from app_user where username in ('session-delegate', 'session-admin'))").update();
		this.jdbc.sql("delete from app_user where username in ('session-delegate', 'session-admin')").update();
	}

	private FormClient signedIn(String username) throws Exception {
		return new FormClient(this.port).signIn(username, PASSWORD);
	}

	private static boolean isSignedIn(FormClient client) throws Exception {
		HttpResponse<String> account = client.get("/account", Map.of("Accept-Language", "en"));
		return account.statusCode() == 200 && account.body().contains("Sign out");
	}

	private long sessionsOf(String username) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	@Test
	void theFirstRequestsOfANewSessionMayComeAtOnce() throws Exception {
		for (int round = 0; round < 3; round++) {
			FormClient delegate = signedIn("session-delegate");
			ExecutorService pool = Executors.newFixedThreadPool(8);
			try {
				List<Future<Integer>> answers = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					answers.add(pool.submit(() -> delegate.get("/my", Map.of("Accept-Language", "en")).statusCode()));
				}
				for (Future<Integer> answer : answers) {
					assertThat(answer.get(60, TimeUnit.SECONDS)).as("round " + round).isEqualTo(200);
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void aSessionIsARowOfItsUserWithAThirtyMinuteIdleTimeout() throws Exception {
		FormClient delegate = signedIn("session-delegate");
		assertThat(isSignedIn(delegate)).isTrue();
		assertThat(this.jdbc.sql("select max_inactive_interval from spring_session where principal_name = ?")
			.param("session-delegate")
			.query(Integer.class)
			.single()).isEqualTo(30 * 60);
		// 31 minutes without a request
		this.jdbc.sql("update spring_session set last_access_time = last_access_time - 31 * 60 * 1000, "
				+ "expiry_time = expiry_time - 31 * 60 * 1000 where principal_name = ?").param("session-delegate").update();
		assertThat(isSignedIn(delegate)).isFalse();
	}

	@Test
	void signingOutDeletesTheSessionAndAsksTheBrowserToDropWhatItKept() throws Exception {
		FormClient delegate = signedIn("session-delegate");
		String page = delegate.get("/account", Map.of()).body();
		HttpResponse<String> out = delegate.post("/logout", page, Map.of());
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(out.headers().firstValue("Clear-Site-Data")).hasValue("\"cache\", \"storage\"");
		assertThat(sessionsOf("session-delegate")).isZero();
		assertThat(isSignedIn(delegate)).isFalse();
	}

	@Test
	void disablingAnAccountEndsEverySessionOfItsUser() throws Exception {
		FormClient first = signedIn("session-delegate");
		FormClient second = signedIn("session-delegate");
		assertThat(sessionsOf("session-delegate")).isEqualTo(2);
		FormClient admin = signedIn("session-admin");
		String userPage = admin.get("/admin/users/" + this.delegateId, Map.of()).body();
		HttpResponse<String> disabled = admin.post("/admin/users/" + this.delegateId + "/disable", userPage, Map.of());
		assertThat(disabled.statusCode()).isEqualTo(302);
		assertThat(sessionsOf("session-delegate")).isZero();
		assertThat(isSignedIn(first)).isFalse();
		assertThat(isSignedIn(second)).isFalse();
		assertThat(isSignedIn(admin)).as("the administrator's own session goes on").isTrue();
	}

	@Test
	void resettingAPasswordEndsEverySessionOfItsUser() throws Exception {
		FormClient delegate = signedIn("session-delegate");
		FormClient admin = signedIn("session-admin");
		String userPage = admin.get("/admin/users/" + this.delegateId, Map.of()).body();
		HttpResponse<String> reset = admin.post("/admin/users/" + this.delegateId + "/reset-password", userPage,
				Map.of());
		assertThat(reset.statusCode()).isLessThan(400);
		assertThat(sessionsOf("session-delegate")).isZero();
		assertThat(isSignedIn(delegate)).isFalse();
	}

	@Test
	void changingOnesOwnPasswordEndsOnesOtherSessionsOnly() throws Exception {
		FormClient laptop = signedIn("session-delegate");
		FormClient phone = signedIn("session-delegate");
		FormClient admin = signedIn("session-admin");
		assertThat(sessionsOf("session-delegate")).isEqualTo(2);
		String form = laptop.get("/account/password", Map.of()).body();
		HttpResponse<String> changed = laptop.post("/account/password", form, Map.of("currentPassword", PASSWORD,
				"newPassword", "another passphrase for sessions", "confirmPassword", "another passphrase for sessions"));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(sessionsOf("session-delegate")).isEqualTo(1);
		assertThat(isSignedIn(laptop)).as("the session that changed the password goes on").isTrue();
		assertThat(isSignedIn(phone)).as("another session of the same user ends").isFalse();
		assertThat(isSignedIn(admin)).as("someone else's session goes on").isTrue();
	}

}
