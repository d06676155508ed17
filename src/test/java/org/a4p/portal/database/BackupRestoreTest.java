package org.a4p.portal.database;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.a4p.portal.PortalApplication;
import org.a4p.portal.support.FormClient;
import org.a4p.portal.support.PostgresServer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup and restore (issue 13, part 5) with the documented commands, {@code bench/backup-database.sh} and
 * {@code bench/restore-database.sh}, on a PostgreSQL server of the machine (pg_dump and pg_restore must be of
 * the server's version: the embedded PostgreSQL 17 ships neither, see {@link PostgresServer}). The portal fills
 * a database with demonstration data (entries and their history) and, over HTTP, a delegate's draft and
 * submission and the Secretariat's validation (audit events, a published figure); it is backed up while the
 * portal runs and restored into a new, empty database. Every table is the same, row for row, and so are the
 * sequences; the entry's history and the audit log read the same; the portal started on the restored database
 * shows the same published pages and goes on writing. A second restore into the now full database is refused.
 */
class BackupRestoreTest {

	private static final String PASSWORD = "backup-test-password";

	@Test
	void aBackupRestoredIntoAnEmptyDatabaseHoldsTheSameFiguresHistoryAndAudit() throws Exception {
		Path bin = PostgresServer.requireTools();
		Path work = Files.createTempDirectory("a4p-backup-test-");
		try (PostgresServer server = PostgresServer.start(bin)) {
			server.psql("postgres", "create database source");
			String sourceUrl = server.jdbcUrl("source");
			ConfigurableApplicationContext source = portal(sourceUrl, true);
			ConfigurableApplicationContext restored = null;
			try {
				Entry entry = reportAndValidate(source, sourceUrl);

				Path dump = work.resolve("a4p.dump");
				PostgresServer.Result backup = script("backup-database.sh", sourceUrl, dump.toString(), server);
				assertThat(backup.status()).as(backup.output()).isZero();
				assertThat(backup.output()).contains("backed up source on 127.0.0.1:" + server.port());
				assertThat(dump).isNotEmptyFile();
				assertThat(work.resolve("a4p.dump.partial")).doesNotExist();

				server.psql("postgres", "create database restored");
				String restoredUrl = server.jdbcUrl("restored");
				PostgresServer.Result restore = script("restore-database.sh", restoredUrl, dump.toString(), server);
				assertThat(restore.status()).as(restore.output()).isZero();

				PostgresServer.Result again = script("restore-database.sh", restoredUrl, dump.toString(), server);
				assertThat(again.status()).as("a restore into a database that is not empty").isNotZero();
				assertThat(again.output()).contains("refused").contains("is not empty");

				try (Connection from = connect(sourceUrl); Connection to = connect(restoredUrl)) {
					List<String> tables = column(from, """
							select table_name from information_schema.tables
							where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
							""");
					assertThat(tables).contains("progress_entry", "progress_entry_revision", "audit_event",
							"applicable_pair", "flyway_schema_history");
					assertThat(column(to, "select table_name from information_schema.tables where table_schema = "
							+ "'public' and table_type = 'BASE TABLE' order by table_name")).isEqualTo(tables);
					for (String table : tables) {
						String contents = "select count(*) || ' ' || coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') from "
								+ table + " t";
						assertThat(column(to, contents)).as(table).isEqualTo(column(from, contents));
					}
					String sequences = "select sequencename || '=' || coalesce(last_value, 0) from pg_sequences order by 1";
					assertThat(column(to, sequences)).as("sequences").isEqualTo(column(from, sequences));

					String figures = """
							select rc.code || ' ' || c.code || ' ' || coalesce(pe.published_status, 'NO_EVIDENCE') || ' '
							    || count(*)
							from applicable_pair ap
							join reporting_cycle rc on rc.id = ap.cycle_id
							join commitment c on c.id = ap.commitment_id
							left join progress_entry pe on pe.cycle_id = ap.cycle_id and pe.commitment_id = ap.commitment_id
							    and pe.stakeholder_id = ap.stakeholder_id
							group by rc.code, c.code, pe.published_status order by 1
							""";
					assertThat(column(to, figures)).as("figures").isEqualTo(column(from, figures)).isNotEmpty();
					assertThat(column(to, "select published_status from progress_entry where id = " + entry.id()))
						.as("the validated entry").containsExactly("SUBSTANTIAL");
					String history = "select revision || ' ' || action || ' ' || actor || ' ' || status || ' ' || narrative "
							+ "from progress_entry_revision where entry_id = " + entry.id() + " order by revision";
					assertThat(column(to, history)).as("the entry's history")
						.isEqualTo(column(from, history))
						.hasSize(4);
					String audit = "select id || ' ' || actor || ' ' || action || ' ' || coalesce(summary, '') || ' ' "
							+ "|| coalesce(after_state::text, '') from audit_event order by id";
					assertThat(column(to, audit)).as("the audit log").isEqualTo(column(from, audit)).hasSizeGreaterThan(3);
				}

				restored = portal(restoredUrl, false);
				for (String page : List.of("/", "/commitments/" + entry.commitment(), "/stakeholders/" + entry.stakeholder())) {
					assertThat(main(restored, page)).as(page).isEqualTo(main(source, page));
				}
				// the restored database goes on: sign-in, a new revision and audit event (sequences carried over)
				FormClient delegate = new FormClient(port(restored)).signIn("backup-delegate", PASSWORD);
				HttpResponse<String> saved = delegate.post(entry.path(), delegate.get(entry.path(), Map.of()).body(),
						Map.of("status", "COMPLETE", "narrative", "Written after the restore", "version",
								String.valueOf(entry.version())));
				assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
			}
			finally {
				if (restored != null) {
					restored.close();
				}
				source.close();
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	private record Entry(long id, String cycle, String stakeholder, String commitment, long version) {

		String path() {
			return "/entries/" + this.cycle + "/" + this.stakeholder + "/" + this.commitment;
		}

	}

	/** A delegate drafts (twice) and submits an entry, the Secretariat validates it: four revisions, audited. */
	private static Entry reportAndValidate(ConfigurableApplicationContext portal, String url) throws Exception {
		String cycle;
		String state;
		String commitment;
		try (Connection jdbc = connect(url); Statement statement = jdbc.createStatement()) {
			try (ResultSet pair = statement.executeQuery("""
					select rc.code, s.code, c.code from applicable_pair ap
					join reporting_cycle rc on rc.id = ap.cycle_id and rc.state = 'OPEN'
					join stakeholder s on s.id = ap.stakeholder_id and s.kind = 'MEMBER_STATE'
					join commitment c on c.id = ap.commitment_id
					where not exists (select 1 from progress_entry pe where pe.cycle_id = ap.cycle_id
					    and pe.stakeholder_id = ap.stakeholder_id and pe.commitment_id = ap.commitment_id)
					order by s.code, c.code limit 1
					""")) {
				assertThat(pair.next()).isTrue();
				cycle = pair.getString(1);
				state = pair.getString(2);
				commitment = pair.getString(3);
			}
			statement.executeUpdate("insert into app_user (username, display_name, password_hash, role, stakeholder_id) "
					+ "values ('backup-delegate', 'Backup delegate', '{noop}" + PASSWORD + "', 'DELEGATE', "
					+ "(select id from stakeholder where code = '" + state + "'))");
			statement.executeUpdate("insert into app_user (username, display_name, password_hash, role) "
					+ "values ('backup-secretariat', 'Backup reviewer', '{noop}" + PASSWORD + "', 'SECRETARIAT')");
		}
		String path = "/entries/" + cycle + "/" + state + "/" + commitment;
		FormClient delegate = new FormClient(port(portal)).signIn("backup-delegate", PASSWORD);
		assertThat(delegate.post(path, delegate.get(path, Map.of()).body(),
				Map.of("status", "LIMITED", "narrative", "First draft for the backup")).statusCode()).isEqualTo(302);
		Map<String, String> second = new LinkedHashMap<>(Map.of("status", "SUBSTANTIAL", "narrative",
				"Validated narrative for the backup", "version", String.valueOf(version(url, path))));
		assertThat(delegate.post(path, delegate.get(path, Map.of()).body(), second).statusCode()).isEqualTo(302);
		// "Save and submit" sends what is on the form, as the browser would
		assertThat(delegate.post(path + "/submit", delegate.get(path, Map.of()).body(),
				Map.of("status", "SUBSTANTIAL", "narrative", "Validated narrative for the backup", "version",
						String.valueOf(version(url, path)))).statusCode()).isEqualTo(302);
		FormClient reviewer = new FormClient(port(portal)).signIn("backup-secretariat", PASSWORD);
		HttpResponse<String> validated = reviewer.post("/review/" + cycle + "/" + state + "/" + commitment + "/validate",
				reviewer.get(path, Map.of()).body(), Map.of("version", String.valueOf(version(url, path))));
		assertThat(validated.statusCode()).as(validated.body()).isEqualTo(302);
		try (Connection jdbc = connect(url)) {
			long id = Long.parseLong(column(jdbc, "select pe.id from progress_entry pe join commitment c on c.id = "
					+ "pe.commitment_id join stakeholder s on s.id = pe.stakeholder_id where c.code = '" + commitment
					+ "' and s.code = '" + state + "' and pe.cycle_id = (select id from reporting_cycle where code = '"
					+ cycle + "')").get(0));
			return new Entry(id, cycle, state, commitment, version(url, path));
		}
	}

	private static long version(String url, String path) throws SQLException {
		String[] parts = path.split("/");
		try (Connection jdbc = connect(url)) {
			return Long.parseLong(column(jdbc, "select pe.version from progress_entry pe "
					+ "join reporting_cycle rc on rc.id = pe.cycle_id and rc.code = '" + parts[2] + "' "
					+ "join stakeholder s on s.id = pe.stakeholder_id and s.code = '" + parts[3] + "' "
					+ "join commitment c on c.id = pe.commitment_id and c.code = '" + parts[4] + "'").get(0));
		}
	}

	private static ConfigurableApplicationContext portal(String url, boolean withDemoData) {
		Map<String, Object> properties = new LinkedHashMap<>(Map.of("spring.datasource.url", url,
				"spring.datasource.username", "postgres", "spring.datasource.password", "", "server.port", "0",
				"portal.page-cache.enabled", "false", "spring.main.banner-mode", "off"));
		if (withDemoData) {
			properties.put("portal.demo.action", "generate");
			properties.put("portal.demo.cycles", "1");
		}
		return new SpringApplicationBuilder(PortalApplication.class).properties(properties).run();
	}

	private static int port(ConfigurableApplicationContext portal) {
		return ((WebServerApplicationContext) portal).getWebServer().getPort();
	}

	/** The page's main content, as an anonymous English reader gets it. */
	private static String main(ConfigurableApplicationContext portal, String path) throws Exception {
		HttpResponse<String> page = new FormClient(port(portal)).get(path, Map.of("Accept-Language", "en"));
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(page.body()).select("main").outerHtml();
	}

	private static PostgresServer.Result script(String name, String url, String file, PostgresServer server)
			throws Exception {
		return PostgresServer.execute(List.of("bash", "bench/" + name, file), Map.of("SPRING_DATASOURCE_URL", url,
				"SPRING_DATASOURCE_USERNAME", "postgres", "PG_BIN", server.bin().toString()));
	}

	private static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, "postgres", "");
	}

	private static List<String> column(Connection jdbc, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = jdbc.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
