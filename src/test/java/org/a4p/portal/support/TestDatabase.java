package org.a4p.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL every test in this JVM uses, chosen by the system property or environment
 * variable {@code portal.test-db} / {@code PORTAL_TEST_DB}:
 * <ul>
 * <li>{@code auto} (default): Testcontainers {@code postgres:17} where Docker answers, else embedded;</li>
 * <li>{@code testcontainers}, {@code embedded}: forced;</li>
 * <li>{@code external}: the server named by {@code SPRING_DATASOURCE_URL} (and user/password).</li>
 * </ul>
 * Started once, on first use, and stopped when the JVM exits.
 */
public final class TestDatabase {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	/** How to reach the database. */
	public record Connection(String url, String username, String password, String description) {
	}

	private static Connection connection;

	private TestDatabase() {
	}

	public static synchronized Connection get() {
		if (connection == null) {
			connection = start(mode());
			log.info("Test database: {} ({})", connection.description(), connection.url());
		}
		return connection;
	}

	static String mode() {
		String mode = System.getProperty("portal.test-db");
		if (mode == null || mode.isBlank()) {
			mode = System.getenv("PORTAL_TEST_DB");
		}
		return (mode == null || mode.isBlank()) ? "auto" : mode.trim().toLowerCase(Locale.ROOT);
	}

	private static Connection start(String mode) {
		return switch (mode) {
			case "auto" -> dockerAnswers() ? testcontainers() : embedded();
			case "testcontainers" -> testcontainers();
			case "embedded" -> embedded();
			case "external" -> external();
			default -> throw new IllegalArgumentException(
					"portal.test-db must be auto, testcontainers, embedded or external, not '" + mode + "'");
		};
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@SuppressWarnings("resource")
	private static Connection testcontainers() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
		container.start();
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
		return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
				"Testcontainers postgres:17");
	}

	private static Connection embedded() {
		try {
			Path dir = Files.createTempDirectory("a4p-test-pg-17-");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(true)
				.setServerConfig("max_connections", "200")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is going away
				}
			}));
			return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
					"embedded PostgreSQL 17 on port " + postgres.getPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", ex);
		}
	}

	private static Connection external() {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("portal.test-db=external needs SPRING_DATASOURCE_URL");
		}
		return new Connection(url, envOr("SPRING_DATASOURCE_USERNAME", "postgres"),
				envOr("SPRING_DATASOURCE_PASSWORD", ""), "external server");
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
