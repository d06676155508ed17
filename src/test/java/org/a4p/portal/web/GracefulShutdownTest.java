package org.a4p.portal.web;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.a4p.portal.PortalApplication;
import org.a4p.portal.support.FormClient;
import org.a4p.portal.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graceful shutdown (issue 13, part 4): a save under way when the portal is told to stop finishes, and
 * its transaction is committed whole; one that outlives the shutdown's grace period is cut, and then
 * nothing of it is stored. Each case runs the portal in its own application context (on the shared test
 * database) and closes it as SIGTERM would, while the save waits on a row lock the test holds.
 */
class GracefulShutdownTest {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	private static final String USER = "shutdown-delegate";

	private static final String PASSWORD = "shutdown-test-password";

	private final TestDatabase.Connection db = TestDatabase.get();

	private String entryPath;

	private String stakeholder;

	private String commitment;

	/** After the portal started (its migrations may be the first on the shared test database). */
	private void delegateWithAnEntry() throws SQLException {
		try (Connection jdbc = connect();
				PreparedStatement pair = jdbc.prepareStatement("""
						select rc.code, s.code, c.code from applicable_pair ap
						join reporting_cycle rc on rc.id = ap.cycle_id and rc.state = 'OPEN'
						join stakeholder s on s.id = ap.stakeholder_id and s.kind = 'MEMBER_STATE'
						join commitment c on c.id = ap.commitment_id
						where not exists (select 1 from progress_entry pe where pe.cycle_id = ap.cycle_id
						    and pe.stakeholder_id = ap.stakeholder_id and pe.commitment_id = ap.commitment_id)
						order by s.code, c.code desc limit 1
						""");
				ResultSet rs = pair.executeQuery()) {
			assertThat(rs.next()).as("an applicable pair without an entry").isTrue();
			this.stakeholder = rs.getString(2);
			this.commitment = rs.getString(3);
			this.entryPath = "/entries/" + rs.getString(1) + "/" + this.stakeholder + "/" + this.commitment;
			try (PreparedStatement user = jdbc.prepareStatement("""
					insert into app_user (username, display_name, password_hash, role, stakeholder_id)
					values (?, 'Shutdown test', ?, 'DELEGATE', (select id from stakeholder where code = ?))
					""")) {
				user.setString(1, USER);
				user.setString(2, "{noop}" + PASSWORD);
				user.setString(3, this.stakeholder);
				user.executeUpdate();
			}
		}
	}

	@AfterEach
	void cleanUp() throws SQLException {
		if (this.stakeholder == null) {
			return;
		}
		try (Connection jdbc = connect()) {
			update(jdbc, "delete from audit_event where actor = ?", USER);
			update(jdbc, """
					delete from progress_entry where stakeholder_id = (select id from stakeholder where code = ?)
					and commitment_id = (select id from commitment where code = ?)
					and cycle_id = (select id from reporting_cycle where state = 'OPEN')
					""", this.stakeholder, this.commitment);
			update(jdbc, "delete from app_user where username = ?", USER);
		}
	}

	@Test
	void aSaveUnderWayWhenThePortalStopsFinishesAndIsCommittedWhole() throws Exception {
		ConfigurableApplicationContext portal = start("30s");
		delegateWithAnEntry();
		FormClient client = signedIn(portal);
		String form = createEntry(client);

		CompletableFuture<HttpResponse<String>> save;
		CompletableFuture<Void> stopped;
		try (Connection lock = lockEntry()) {
			save = saveInBackground(client, form, "Saved while the portal stops");
			waitUntilBlocked();
			stopped = CompletableFuture.runAsync(portal::close);
			Thread.sleep(1500);
			assertThat(stopped).as("the portal waits for the save").isNotDone();
			lock.rollback();
		}
		assertThat(save.get(30, TimeUnit.SECONDS).statusCode()).as("the save's answer").isEqualTo(302);
		stopped.get(30, TimeUnit.SECONDS);
		assertThat(stored("Saved while the portal stops")).as("entry, revision, audit event").containsExactly(1, 1, 1);
	}

	@Test
	void aSaveCutByTheEndOfTheGracePeriodLeavesNothingBehind() throws Exception {
		ConfigurableApplicationContext portal = start("1s");
		delegateWithAnEntry();
		FormClient client = signedIn(portal);
		String form = createEntry(client);

		CompletableFuture<HttpResponse<String>> save;
		try (Connection lock = lockEntry()) {
			save = saveInBackground(client, form, "Cut by the shutdown");
			waitUntilBlocked();
			portal.close();
			// the portal is gone: its connection was closed under the waiting save
			lock.rollback();
		}
		Integer status;
		try {
			status = save.get(30, TimeUnit.SECONDS).statusCode();
		}
		catch (ExecutionException ex) {
			status = null;
		}
		assertThat(status).as("the save's answer, if any").isNotEqualTo(302);
		// the portal's connection was aborted; its transaction ends (rolled back) once the lock is gone
		Thread.sleep(1000);
		assertThat(stored("Cut by the shutdown")).as("entry, revision, audit event").containsExactly(0, 0, 0);
		assertThat(stored("Created before the shutdown")).as("the earlier save").containsExactly(1, 1, 1);
	}

	private ConfigurableApplicationContext start(String gracePeriod) {
		return new SpringApplicationBuilder(PortalApplication.class)
			.properties(Map.of("spring.datasource.url", this.db.url(), "spring.datasource.username", this.db.username(),
					"spring.datasource.password", this.db.password(), "server.port", "0",
					"spring.lifecycle.timeout-per-shutdown-phase", gracePeriod, "spring.main.banner-mode", "off"))
			.run();
	}

	private FormClient signedIn(ConfigurableApplicationContext portal) throws Exception {
		int port = ((WebServerApplicationContext) portal).getWebServer().getPort();
		return new FormClient(port).signIn(USER, PASSWORD);
	}

	/** Creates the entry (so that there is a row to lock); the form to save it again. */
	private String createEntry(FormClient client) throws Exception {
		String empty = client.get(this.entryPath, Map.of()).body();
		HttpResponse<String> created = client.post(this.entryPath, empty,
				Map.of("status", "LIMITED", "narrative", "Created before the shutdown"));
		assertThat(created.statusCode()).isEqualTo(302);
		return client.get(this.entryPath, Map.of()).body();
	}

	private CompletableFuture<HttpResponse<String>> saveInBackground(FormClient client, String form, String narrative) {
		Matcher version = VERSION.matcher(form);
		assertThat(version.find()).isTrue();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("status", "SUBSTANTIAL");
		fields.put("narrative", narrative);
		fields.put("version", version.group(1));
		return CompletableFuture.supplyAsync(() -> {
			try {
				return client.post(this.entryPath, form, fields);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private Connection lockEntry() throws SQLException {
		Connection jdbc = connect();
		jdbc.setAutoCommit(false);
		try (PreparedStatement lock = jdbc.prepareStatement("""
				select pe.id from progress_entry pe
				where pe.stakeholder_id = (select id from stakeholder where code = ?)
				  and pe.commitment_id = (select id from commitment where code = ?)
				  and pe.cycle_id = (select id from reporting_cycle where state = 'OPEN')
				for update
				""")) {
			lock.setString(1, this.stakeholder);
			lock.setString(2, this.commitment);
			try (ResultSet rs = lock.executeQuery()) {
				assertThat(rs.next()).isTrue();
			}
		}
		return jdbc;
	}

	/** Until the portal's update of the entry waits for the test's lock. */
	private void waitUntilBlocked() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		try (Connection jdbc = connect()) {
			while (System.nanoTime() < deadline) {
				try (PreparedStatement waiting = jdbc.prepareStatement("""
						select count(*) from pg_stat_activity
						where wait_event_type = 'Lock' and query ilike 'update progress_entry%'
						""");
						ResultSet rs = waiting.executeQuery()) {
					rs.next();
					if (rs.getInt(1) > 0) {
						return;
					}
				}
				Thread.sleep(50);
			}
		}
		throw new AssertionError("the save never reached the locked row");
	}

	/** Rows holding {@code narrative}: the entry, its revisions, its audit events. */
	private int[] stored(String narrative) throws SQLException {
		try (Connection jdbc = connect()) {
			return new int[] { count(jdbc, "select count(*) from progress_entry where narrative = ?", narrative),
					count(jdbc, "select count(*) from progress_entry_revision where narrative = ?", narrative),
					count(jdbc, "select count(*) from audit_event where after_state ->> 'narrative' = ?", narrative) };
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.db.url(), this.db.username(), this.db.password());
	}

	private static int count(Connection jdbc, String sql, String parameter) throws SQLException {
		try (PreparedStatement query = jdbc.prepareStatement(sql)) {
			query.setString(1, parameter);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	private static void update(Connection jdbc, String sql, String... parameters) throws SQLException {
		try (PreparedStatement statement = jdbc.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			statement.executeUpdate();
		}
	}

}
