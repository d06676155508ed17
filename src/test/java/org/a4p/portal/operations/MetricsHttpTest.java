package org.a4p.portal.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.a4p.portal.account.Role;
import org.a4p.portal.support.FormClient;
import org.a4p.portal.support.FreePair;
import org.a4p.portal.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators read, with the management port on (as {@code MANAGEMENT_SERVER_PORT} turns it on):
 * Prometheus metrics on 127.0.0.1 only, never on the main port; the portal's counters (page cache
 * hits and misses, failed sign-ins and lock-outs, entry workflow steps) and the connection pool's;
 * HTTP timings for rendered pages but none for pages served from the page cache. Failed sign-ins
 * and lock-outs are in the audit log. Everything written is committed and deleted afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "portal.page-cache.enabled=true" })
class MetricsHttpTest {

	static final String PASSWORD = "metrics passphrase";

	static final List<String> USERS = List.of("metrics-writer", "metrics-reviewer", "metrics-locked");

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Environment environment;

	final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void cleanUp() {
		this.jdbc.sql("delete from progress_entry_revision where entry_id in (select id from progress_entry where "
				+ "created_by = 'metrics-writer')").update();
		this.jdbc.sql("delete from evidence_link where entry_id in (select id from progress_entry where "
				+ "created_by = 'metrics-writer')").update();
		this.jdbc.sql("delete from audit_event where entity_type = 'progress_entry' and actor in (:users)")
			.param("users", USERS)
			.update();
		this.jdbc.sql("delete from progress_entry where created_by = 'metrics-writer'").update();
		this.jdbc.sql("delete from audit_event where entity_type = 'user' and (summary like '%metrics-%' or "
				+ "entity_id in (select id::text from app_user where username in (:users)))").param("users", USERS).update();
		this.jdbc.sql("delete from spring_session where principal_name in (:users)").param("users", USERS).update();
		this.jdbc.sql("delete from app_user where username in (:users)").param("users", USERS).update();
	}

	private String metrics() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** The value of one sample, e.g. {@code portal_page_cache_requests_total{result="hit"}}; 0 when absent. */
	static double sample(String metrics, String name, String labels) {
		Matcher matcher = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? (\\S+)$", Pattern.MULTILINE)
			.matcher(metrics);
		while (matcher.find()) {
			if (String.valueOf(matcher.group(1)).contains(labels)) {
				return Double.parseDouble(matcher.group(2));
			}
		}
		return 0;
	}

	@Test
	void metricsAreOnTheLoopbackManagementPortOnly() throws Exception {
		assertThat(this.environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
		assertThat(this.managementPort).isNotEqualTo(this.port);
		assertThat(metrics()).contains("hikaricp_connections_active", "jvm_memory_used_bytes");
		HttpResponse<String> onMainPort = this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(onMainPort.statusCode()).isIn(403, 404);
		assertThat(onMainPort.body()).doesNotContain("hikaricp");
	}

	@Test
	void healthAndItsProbesMoveToTheManagementPortWithTheMetrics() throws Exception {
		for (String probe : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
			HttpResponse<String> there = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + probe)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(there.statusCode()).as(probe).isEqualTo(200);
			assertThat(there.body()).as(probe).contains("\"status\":\"UP\"");
			HttpResponse<String> notHere = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + probe)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(notHere.statusCode()).as(probe + " on the main port").isIn(403, 404);
		}
	}

	@Test
	void pagesFromThePageCacheAreCountedButNeverTimed() throws Exception {
		FormClient reader = new FormClient(this.port);
		String before = metrics();
		double hits = sample(before, "portal_page_cache_requests_total", "result=\"hit\"");
		double misses = sample(before, "portal_page_cache_requests_total", "result=\"miss\"");
		double timed = sample(before, "http_server_requests_seconds_count", "uri=\"/method\"");
		for (int i = 0; i < 5; i++) {
			reader.get("/method", Map.of("Accept-Language", "en"));
		}
		String after = metrics();
		double newHits = sample(after, "portal_page_cache_requests_total", "result=\"hit\"") - hits;
		double newMisses = sample(after, "portal_page_cache_requests_total", "result=\"miss\"") - misses;
		assertThat(newHits + newMisses).isEqualTo(5);
		assertThat(newHits).isGreaterThanOrEqualTo(4);
		assertThat(sample(after, "http_server_requests_seconds_count", "uri=\"/method\"") - timed)
			.as("requests of /method timed: the rendered ones only").isEqualTo(newMisses);
	}

	@Test
	void failedSignInsAndLockOutsAreCountedAndAudited() throws Exception {
		new TestUsers(this.jdbc).insert("metrics-locked", Role.SECRETARIAT, null, this.passwordEncoder.encode(PASSWORD));
		String before = metrics();
		double failures = sample(before, "portal_sign_in_failures_total", "reason=\"bad-credentials\"");
		double lockedFailures = sample(before, "portal_sign_in_failures_total", "reason=\"locked\"");
		double lockOuts = sample(before, "portal_accounts_locked_total", "");
		FormClient stranger = new FormClient(this.port);
		String login = stranger.get("/login", Map.of()).body();
		for (int i = 0; i < 6; i++) {
			assertThat(stranger.post("/login", login, Map.of("username", "metrics-locked", "password", "wrong " + i))
				.headers()
				.firstValue("Location")
				.orElseThrow()).contains("/login?error");
		}
		String after = metrics();
		assertThat(sample(after, "portal_sign_in_failures_total", "reason=\"bad-credentials\"") - failures).isEqualTo(5);
		assertThat(sample(after, "portal_sign_in_failures_total", "reason=\"locked\"") - lockedFailures).isEqualTo(1);
		assertThat(sample(after, "portal_accounts_locked_total", "") - lockOuts).isEqualTo(1);
		long id = this.jdbc.sql("select id from app_user where username = 'metrics-locked'").query(Long.class).single();
		List<String> audited = this.jdbc.sql("select action || ' ' || actor || ' ' || coalesce(after_state ->> 'reason', '') "
				+ "from audit_event where entity_type = 'user' and entity_id = ? order by id")
			.param(String.valueOf(id))
			.query(String.class)
			.list();
		assertThat(audited).containsExactly("SIGN_IN_FAILED anonymous bad-credentials",
				"SIGN_IN_FAILED anonymous bad-credentials", "SIGN_IN_FAILED anonymous bad-credentials",
				"SIGN_IN_FAILED anonymous bad-credentials", "SIGN_IN_FAILED anonymous bad-credentials",
				"ACCOUNT_LOCKED anonymous ", "SIGN_IN_FAILED anonymous locked");
		// An unknown name is audited too, without an account.
		stranger.post("/login", login, Map.of("username", "metrics-nobody", "password", "x"));
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'SIGN_IN_FAILED' and entity_id is null "
				+ "and summary like '%''metrics-nobody''%'").query(Long.class).single()).isOne();
	}

	@Test
	void submittedAndValidatedEntriesAreCounted() throws Exception {
		FreePair pair = FreePair.of(this.jdbc, "POL-1");
		TestUsers users = new TestUsers(this.jdbc);
		users.insert("metrics-writer", Role.DELEGATE, pair.state(), this.passwordEncoder.encode(PASSWORD));
		users.insert("metrics-reviewer", Role.SECRETARIAT, null, this.passwordEncoder.encode(PASSWORD));
		String before = metrics();
		String path = pair.path();
		FormClient writer = new FormClient(this.port).signIn("metrics-writer", PASSWORD);
		assertThat(writer.post(path, writer.get(path, Map.of()).body(),
				Map.of("status", "LIMITED", "narrative", "Counted.")).statusCode()).isEqualTo(302);
		assertThat(writer.post(path + "/submit", writer.get(path, Map.of()).body(), Map.of("status", "LIMITED",
				"narrative", "Counted.", "version", String.valueOf(pair.version(this.jdbc)))).statusCode())
			.isEqualTo(302);
		FormClient reviewer = new FormClient(this.port).signIn("metrics-reviewer", PASSWORD);
		assertThat(reviewer.post(pair.validatePath(), reviewer.get(path, Map.of()).body(),
				Map.of("version", String.valueOf(pair.version(this.jdbc)))).statusCode()).isEqualTo(302);
		String after = metrics();
		for (String action : List.of("created", "submitted", "validated")) {
			assertThat(sample(after, "portal_entries_total", "action=\"" + action + "\"")
					- sample(before, "portal_entries_total", "action=\"" + action + "\"")).as(action).isEqualTo(1);
		}
	}

}
