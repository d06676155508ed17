package org.a4p.portal.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.a4p.portal.pagecache.PageCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the page cache on, over real HTTP: generating or removing demonstration data shows on the
 * very next request (banner and figures), and other instances sharing the database are told.
 * The data is committed, then removed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "portal.page-cache.enabled=true")
class DemoDataPageCacheTest {

	/** The channel other instances listen on (see ContentChanges). */
	private static final String CHANNEL = "a4p_content_changed";

	@LocalServerPort
	int port;

	@Autowired
	DemoDataGenerator generator;

	@Autowired
	DemoDataQuery demoData;

	@Autowired
	PageCache cache;

	@Autowired
	DataSource dataSource;

	private final HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void emptyCache() {
		this.cache.invalidateAll();
	}

	@AfterEach
	void removeDemoData() {
		this.generator.remove();
		assertThat(this.demoData.present()).isFalse();
	}

	private HttpResponse<String> dashboard() throws Exception {
		return this.anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
			.header("Accept-Language", "en")
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String cacheHeader(HttpResponse<?> response) {
		return response.headers().firstValue("X-Page-Cache").orElse("none");
	}

	@Test
	void generatingAndRemovingDemoDataShowOnTheVeryNextRequestHereAndTellOtherInstances() throws Exception {
		dashboard();
		HttpResponse<String> cached = dashboard();
		assertThat(cacheHeader(cached)).isEqualTo("hit");
		assertThat(cached.body()).doesNotContain("demo-banner");

		try (Connection otherInstance = this.dataSource.getConnection()) {
			try (Statement listen = otherInstance.createStatement()) {
				listen.execute("LISTEN " + CHANNEL);
			}
			PGConnection pg = otherInstance.unwrap(PGConnection.class);

			this.generator.generate(DemoRequest.ofEntries(3, 200));
			HttpResponse<String> withDemo = dashboard();
			assertThat(cacheHeader(withDemo)).isEqualTo("miss");
			assertThat(withDemo.body()).contains("demo-banner");
			assertThat(cacheHeader(dashboard())).isEqualTo("hit");
			assertThat(notifications(pg)).as("notifications after generating").isPositive();

			this.generator.remove();
			HttpResponse<String> without = dashboard();
			assertThat(cacheHeader(without)).isEqualTo("miss");
			assertThat(without.body()).doesNotContain("demo-banner");
			assertThat(notifications(pg)).as("notifications after removing").isPositive();
		}
	}

	private static int notifications(PGConnection pg) throws Exception {
		PGNotification[] received = pg.getNotifications(2000);
		return (received != null) ? received.length : 0;
	}

}
