package org.a4p.portal.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.a4p.portal.PortalApplication;
import org.a4p.portal.support.OutageLoad.Report;
import org.a4p.portal.support.OutageLoad;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL goes away under readers and writers and comes back (issue 13, part 3): the portal runs in
 * its own application context on its own embedded PostgreSQL, which is stopped for a few seconds and
 * started again on the same port and data directory, while {@link OutageLoad}'s clients work over HTTP.
 * Anonymous readers of cached pages are answered throughout; everything else gets the 503 page with
 * {@code Retry-After} (in the reader's language, the typed text of a form kept), never a stack trace,
 * never a long wait; readiness is DOWN and liveness UP while the database is away; the portal serves
 * again by itself; every confirmed write is stored once and whole, and nothing is half-written.
 * {@code bench/faults.sh} runs the same clients at a larger scale against the packaged jar.
 */
class DatabaseOutageTest {

	private static final Duration OUTAGE = Duration.ofSeconds(6);

	private Path dataDirectory;

	private EmbeddedPostgres postgres;

	private ConfigurableApplicationContext portal;

	@AfterEach
	void stopEverything() throws IOException {
		if (this.portal != null) {
			this.portal.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
		if (this.dataDirectory != null) {
			FileSystemUtils.deleteRecursively(this.dataDirectory);
		}
	}

	@Test
	void anOutageUnderLoadLosesNoConfirmedWriteAndThePortalRecoversByItself() throws Exception {
		this.dataDirectory = Files.createTempDirectory("a4p-outage-pg-17-");
		int port = freePort();
		this.postgres = start(port);
		String url = this.postgres.getJdbcUrl("postgres", "postgres");
		this.portal = new SpringApplicationBuilder(PortalApplication.class)
			.properties(Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
					"spring.datasource.password", "", "server.port", "0", "portal.page-cache.enabled", "true",
					"spring.main.banner-mode", "off"))
			.run();
		int httpPort = ((WebServerApplicationContext) this.portal).getWebServer().getPort();
		String base = "http://localhost:" + httpPort;

		OutageLoad.Settings settings = new OutageLoad.Settings(base, url, "postgres", "", 4, 3, Duration.ofSeconds(4),
				OUTAGE, Duration.ofSeconds(8));
		Report report = OutageLoad.run(settings, new OutageLoad.Database() {
			@Override
			public void stop() throws Exception {
				DatabaseOutageTest.this.postgres.close();
			}

			@Override
			public void start() throws Exception {
				DatabaseOutageTest.this.postgres = DatabaseOutageTest.this.start(port);
			}

			@Override
			public void whileDown() throws Exception {
				pagesWhileDown(base);
			}
		});
		System.out.print(report.text());

		assertThat(report.problems()).as("problems").isEmpty();
		assertThat(report.errorsBefore()).as("failures before the outage").isZero();
		assertThat(report.otherFailures()).as("server errors other than 503, or no answer").isZero();
		assertThat(report.withoutRetryAfter()).as("503 answers without Retry-After").isZero();
		// the bounds (10 s; recovery 5 s, measured by bench/faults.sh) with room for a busy CI machine
		assertThat(report.slowestDuringMillis()).as("the slowest answer while the database was down, ms")
			.isLessThan(10_000);
		assertThat(report.count("cached", true, true)).as("cached pages served while the database was down")
			.isPositive();
		assertThat(report.count("cached", false, true)).as("cached pages not served while the database was down")
			.isZero();
		assertThat(report.count("uncached", false, true)).as("uncached reads refused while down").isPositive();
		assertThat(report.count("uncached", true, true)).as("uncached reads served while down").isZero();
		assertThat(report.refusedSaves()).as("saves refused while down").isPositive();
		assertThat(report.refusedSavesEchoed()).as("refused saves that show what was typed")
			.isEqualTo(report.refusedSaves());
		assertThat(report.readinessDownWhileDown()).as("readiness DOWN while the database is down").isTrue();
		assertThat(report.readinessUpAtEnd()).as("readiness UP again").isTrue();
		assertThat(report.livenessAlwaysUp()).as("liveness UP throughout").isTrue();
		assertThat(report.recoverySeconds()).as("seconds until the last failure after the database answered")
			.isLessThan(10.0);
		assertThat(report.count("write", true, false)).as("confirmed saves").isPositive();
		assertThat(report.checked()).isEqualTo(report.confirmed());
		assertThat(report.lost()).as("confirmed writes lost").isZero();
		assertThat(report.duplicated()).as("confirmed writes stored twice").isZero();
		assertThat(report.halfWritten()).as("half-written writes").isZero();
		assertThat(report.heldCommitted()).as("the save cut by the stop").isZero();
	}

	/** While the database is down: the 503 page in the reader's language, readiness DOWN, liveness UP. */
	private static void pagesWhileDown(String base) throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> zh = http.send(HttpRequest.newBuilder(URI.create(base + "/stakeholders?kind=never-cached"))
			.header("Accept-Language", "zh-CN,zh;q=0.9")
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(zh.statusCode()).isEqualTo(503);
		assertThat(zh.headers().firstValue("Retry-After")).hasValue("30");
		Document page = Jsoup.parse(zh.body());
		assertThat(page.select("html").attr("lang")).isEqualTo("zh");
		assertThat(page.title()).isEqualTo("门户暂时无法响应 – A4P 承诺门户");
		assertThat(page.select("h1").text()).isEqualTo("门户暂时无法响应");
		assertThat(page.select("a[href='/stakeholders?kind=never-cached']").text()).isEqualTo("重试");
		assertThat(page.select(".language-switch a[hreflang=en]")).as("the layout").isNotEmpty();
		assertThat(zh.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("SQL");

		HttpResponse<String> readiness = http.send(
				HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(readiness.body()).contains("\"DOWN\"");
		HttpResponse<String> liveness = http.send(
				HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(liveness.statusCode()).isEqualTo(200);
	}

	private EmbeddedPostgres start(int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setServerConfig("max_connections", "50")
			.start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
