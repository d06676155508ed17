package org.a4p.portal.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server from the machine's own installation (Debian's {@code /usr/lib/postgresql/<major>/bin}, or
 * the folder named by {@code PORTAL_PG_BIN}), started in a temporary folder on a free loopback port: for tests
 * that need PostgreSQL's client tools of the server's own version (pg_dump, pg_restore), which the embedded
 * PostgreSQL 17 does not ship. As root, the server runs as the {@code postgres} user (it refuses root).
 * <p>
 * Where the tools are missing the test says so: it fails when {@code PORTAL_REQUIRE_PG_TOOLS=true} or
 * {@code CI=true} (CI installs them), and is skipped otherwise.
 */
public final class PostgresServer implements AutoCloseable {

	private static final List<String> TOOLS = List.of("initdb", "pg_ctl", "postgres", "psql", "pg_dump", "pg_restore");

	private final Path bin;

	private final Path home;

	private final int port;

	private final boolean asPostgresUser;

	private PostgresServer(Path bin, Path home, int port, boolean asPostgresUser) {
		this.bin = bin;
		this.home = home;
		this.port = port;
		this.asPostgresUser = asPostgresUser;
	}

	/** The installed server and client tools, or the test fails (CI) or is skipped (elsewhere), saying why. */
	public static Path requireTools() {
		Optional<Path> bin = findTools();
		if (bin.isEmpty()) {
			String why = "No PostgreSQL server and client tools (" + String.join(", ", TOOLS)
					+ ") in PORTAL_PG_BIN or /usr/lib/postgresql/*/bin: install them (Debian: apt-get install postgresql)";
			if ("true".equalsIgnoreCase(System.getenv("PORTAL_REQUIRE_PG_TOOLS"))
					|| "true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(why);
			}
			Assumptions.abort(why);
		}
		return bin.get();
	}

	private static Optional<Path> findTools() {
		List<Path> candidates = new ArrayList<>();
		String configured = System.getenv("PORTAL_PG_BIN");
		if (configured != null && !configured.isBlank()) {
			candidates.add(Path.of(configured));
		}
		Path debian = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(debian)) {
			try (Stream<Path> majors = Files.list(debian)) {
				majors.filter((p) -> p.getFileName().toString().matches("\\d+"))
					.sorted(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString())).reversed())
					.map((p) -> p.resolve("bin"))
					.forEach(candidates::add);
			}
			catch (IOException ex) {
				// nothing usable there
			}
		}
		return candidates.stream().filter((dir) -> TOOLS.stream().allMatch((t) -> Files.isExecutable(dir.resolve(t)))).findFirst();
	}

	/** Starts a new server (trust authentication, user {@code postgres}, UTF-8) on a free loopback port. */
	public static PostgresServer start(Path bin) throws IOException, InterruptedException {
		boolean root = "root".equals(System.getProperty("user.name"));
		Path home = Files.createTempDirectory("a4p-pg-server-");
		Path data = home.resolve("data");
		Files.createDirectories(data);
		home.toFile().setReadable(true, false);
		home.toFile().setExecutable(true, false);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		PostgresServer server = new PostgresServer(bin, home, port, root);
		if (root) {
			server.run(List.of("chown", "-R", "postgres:postgres", home.toString()), false);
		}
		server.run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres", "-E",
				"UTF8", "--locale=C.UTF-8"), true);
		server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("server.log").toString(),
				"-w", "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c max_connections=50", "start"),
				true);
		return server;
	}

	public Path bin() {
		return this.bin;
	}

	public int port() {
		return this.port;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	/** Runs SQL with psql as {@code postgres} (e.g. {@code create database …}). */
	public void psql(String database, String sql) throws IOException, InterruptedException {
		run(List.of(this.bin.resolve("psql").toString(), "-X", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
				String.valueOf(this.port), "-U", "postgres", "-d", database, "-c", sql), false);
	}

	/** A command's exit status and everything it printed. */
	public record Result(int status, String output) {
	}

	/** Runs a command with extra environment variables, as the current user. */
	public static Result execute(List<String> command, Map<String, String> environment)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IOException("timed out: " + command);
		}
		return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private void run(List<String> command, boolean asServerUser) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>();
		if (asServerUser && this.asPostgresUser) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		Result result = execute(full, Map.of());
		if (result.status() != 0) {
			throw new IOException("failed (" + result.status() + "): " + String.join(" ", full) + "\n" + result.output());
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		try {
			run(List.of(this.bin.resolve("pg_ctl").toString(), "-D", this.home.resolve("data").toString(), "-m", "fast",
					"-w", "stop"), true);
		}
		finally {
			FileSystemUtils.deleteRecursively(new File(this.home.toString()));
		}
	}

}
