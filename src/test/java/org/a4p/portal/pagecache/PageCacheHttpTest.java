package org.a4p.portal.pagecache;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.a4p.portal.account.Role;
import org.a4p.portal.account.UserAccount;
import org.a4p.portal.account.UserAccountRepository;
import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.support.FormClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page cache over real HTTP: what anonymous readers get, what signed-in users get, and how soon
 * a committed write shows, up to the whole reporting path: a delegate saves and submits an entry, the
 * Secretariat validates it, and the very next anonymous request of every page showing it (dashboard,
 * area, commitment, state; English and Chinese) is rendered anew and shows it. A draft changes
 * nothing a reader sees; a submission changes the reporting compliance only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "portal.page-cache.enabled=true")
class PageCacheHttpTest {

	private static final String PASSWORD = "a long enough password";

	private static final String STATE = "PAK";

	private static final String COMMITMENT = "POL-1";

	/** The pages that show STATE's status of COMMITMENT. */
	private static final List<String> PAGES = List.of("/", "/areas/POL", "/commitments/POL-1", "/stakeholders/PAK");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AuditLog audit;

	@Autowired
	PageCache cache;

	@Autowired
	UserAccountRepository users;

	@Autowired
	PasswordEncoder encoder;

	private final HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void emptyCache() {
		this.cache.invalidateAll();
	}

	@AfterEach
	void cleanUp() {
		this.tx.executeWithoutResult((status) -> {
			this.jdbc.sql("delete from endorsement where note = 'page-cache-test'").update();
			this.jdbc.sql("delete from reporting_cycle where code = 'PC2019'").update();
			this.jdbc.sql("delete from audit_event where summary = 'page-cache-test'").update();
			this.jdbc.sql("delete from progress_entry where stakeholder_id = (select id from stakeholder where code = ?) "
					+ "and commitment_id = (select id from commitment where code = ?) "
					+ "and cycle_id = (select id from reporting_cycle where state = 'OPEN')")
				.params(STATE, COMMITMENT)
				.update();
			this.jdbc.sql("delete from audit_event where actor in ('cache-delegate', 'cache-reviewer')").update();
			this.jdbc.sql("delete from app_user where username in ('cache-tester', 'cache-delegate', 'cache-reviewer')")
				.update();
		});
		// Deleted with SQL, not through a use case: pages cached meanwhile must not outlive the test.
		this.cache.invalidateAll();
	}

	private HttpResponse<String> get(HttpClient client, String path, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		headers.forEach(request::header);
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
		return get(this.anonymous, path, Map.of("Accept-Language", language));
	}

	private static String cacheHeader(HttpResponse<?> response) {
		return response.headers().firstValue(PageCacheFilter.CACHE_HEADER).orElse("none");
	}

	@Test
	void anAnonymousPageIsServedFromTheCacheWithAValidator() throws Exception {
		HttpResponse<String> first = get("/", "en");
		HttpResponse<String> second = get("/", "en");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(cacheHeader(first)).isEqualTo("miss");
		assertThat(cacheHeader(second)).isEqualTo("hit");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(second.headers().firstValue("Content-Language")).hasValue("en");
		String etag = second.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> notModified = get(this.anonymous, "/", Map.of("Accept-Language", "en", "If-None-Match", etag));
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.body()).isEmpty();
	}

	@Test
	void eachCycleIsCachedUnderItsOwnAddressAndAnUnknownCycleIsNeverCached() throws Exception {
		this.tx.executeWithoutResult((status) -> this.jdbc.sql("""
				insert into reporting_cycle (code, period_start, period_end, opens_on, deadline, state)
				values ('PC2019', date '2019-01-01', date '2019-12-31', date '2019-01-01', date '2019-12-31', 'CLOSED')
				""").update());
		this.cache.invalidateAll();
		for (String path : List.of("/", "/areas/POL", "/stakeholders/PAK")) {
			String other = path + "?cycle=PC2019";
			assertThat(cacheHeader(get(other, "en"))).as(other).isEqualTo("miss");
			assertThat(cacheHeader(get(path, "en"))).as(path).isEqualTo("miss");
			HttpResponse<String> cachedOther = get(other, "en");
			HttpResponse<String> cachedCurrent = get(path, "en");
			assertThat(cacheHeader(cachedOther)).as(other).isEqualTo("hit");
			assertThat(cacheHeader(cachedCurrent)).as(path).isEqualTo("hit");
			assertThat(Jsoup.parse(cachedOther.body()).select("#cycle-choice option[selected]").val()).isEqualTo("PC2019");
			assertThat(Jsoup.parse(cachedCurrent.body()).select("#cycle-choice option[selected]").val())
				.isNotEqualTo("PC2019");
		}
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> unknown = get("/?cycle=PC1999", "en");
			assertThat(unknown.statusCode()).isEqualTo(404);
			assertThat(cacheHeader(unknown)).isEqualTo("none");
		}
	}

	@Test
	void englishAndChineseNeverMix() throws Exception {
		get("/", "en");
		get("/", "zh-CN");
		for (int i = 0; i < 2; i++) {
			assertThat(get("/", "zh-CN,zh;q=0.9").body()).contains("<html lang=\"zh\"").contains("进展总览");
			assertThat(get("/", "en-GB").body()).contains("<html lang=\"en\"").doesNotContain("进展总览");
		}
		HttpResponse<String> byCookie = get(this.anonymous, "/", Map.of("Accept-Language", "en", "Cookie", "a4p-lang=zh"));
		assertThat(byCookie.body()).contains("<html lang=\"zh\"");
	}

	@Test
	void aCommittedWriteShowsOnTheVeryNextRequest() throws Exception {
		assertThat(get("/", "en").body()).contains("3 Member States, 4 organizations");
		assertThat(cacheHeader(get("/", "en"))).isEqualTo("hit");
		this.tx.executeWithoutResult((status) -> {
			this.jdbc.sql("insert into endorsement (stakeholder_id, endorsed_on, note) "
					+ "select id, date '2019-01-01', 'page-cache-test' from stakeholder where code = 'NOR'").update();
			this.audit.record("ENDORSEMENT_RECORDED", "endorsement", "NOR", "page-cache-test", null, Map.of("code", "NOR"));
		});
		HttpResponse<String> next = get("/", "en");
		assertThat(cacheHeader(next)).isEqualTo("miss");
		assertThat(next.body()).contains("4 Member States, 4 organizations");
	}

	@Test
	void aRolledBackWriteKeepsTheCache() throws Exception {
		get("/", "en");
		this.tx.executeWithoutResult((status) -> {
			this.audit.record("ENDORSEMENT_RECORDED", "endorsement", "NOR", "page-cache-test", null, null);
			status.setRollbackOnly();
		});
		assertThat(cacheHeader(get("/", "en"))).isEqualTo("hit");
	}

	@Test
	void aChangeAnnouncedByAnotherInstanceShowsWithinOneSecond() throws Exception {
		// The listener clears the cache once when it (re)connects: wait until the page stays cached.
		long warm = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		String cached = cacheHeader(get("/", "en"));
		while (System.nanoTime() < warm && !cached.equals("hit")) {
			Thread.sleep(50);
			cached = cacheHeader(get("/", "en"));
		}
		assertThat(cached).isEqualTo("hit");
		// Another instance commits a change: its NOTIFY reaches this one.
		this.tx.executeWithoutResult((status) -> this.jdbc.sql("select pg_notify(?, 'another-instance')")
			.param(ContentChanges.CHANNEL)
			.query((rs) -> {
			}));
		long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
		String state = "hit";
		while (System.nanoTime() < deadline && state.equals("hit")) {
			Thread.sleep(50);
			state = cacheHeader(get("/", "en"));
		}
		assertThat(state).isEqualTo("miss");
	}

	@Test
	void aPageRenderedForASignedInUserIsNeverServedToAnyoneElse() throws Exception {
		this.tx.executeWithoutResult((status) -> this.users.save(new UserAccount("cache-tester", "Cache Tester", null,
				this.encoder.encode(PASSWORD), Role.SECRETARIAT, null, Instant.now())));
		FormClient signedIn = new FormClient(this.port).signIn("cache-tester", PASSWORD);
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> mine = signedIn.get("/", Map.of("Accept-Language", "en"));
			assertThat(mine.body()).contains("Sign out");
			assertThat(cacheHeader(mine)).isEqualTo("none");
		}
		HttpResponse<String> theirs = get("/", "en");
		assertThat(theirs.body()).doesNotContain("Sign out").contains("Sign in");
		assertThat(get("/", "en").body()).doesNotContain("Sign out");
	}

	@Test
	void theSignInPageAndTheLanguageSwitchAreNeverCached() throws Exception {
		for (int i = 0; i < 2; i++) {
			assertThat(cacheHeader(get("/login", "en"))).isEqualTo("none");
			HttpResponse<String> switched = get("/?lang=zh", "en");
			assertThat(cacheHeader(switched)).isNotEqualTo("hit");
			assertThat(switched.headers().firstValue("Set-Cookie")).isPresent();
			assertThat(switched.body()).contains("<html lang=\"zh\"");
		}
	}

	private String cycle() {
		return this.jdbc.sql("select code from reporting_cycle where state = 'OPEN'").query(String.class).single();
	}

	private long version() {
		return this.jdbc.sql("select pe.version from progress_entry pe join stakeholder s on s.id = pe.stakeholder_id "
				+ "join commitment c on c.id = pe.commitment_id join reporting_cycle rc on rc.id = pe.cycle_id "
				+ "where s.code = ? and c.code = ? and rc.state = 'OPEN'")
			.params(STATE, COMMITMENT)
			.query(Long.class)
			.single();
	}

	/** Every page in both languages, read once, keyed "path language". */
	private Map<String, HttpResponse<String>> requestAll(FormClient reader) throws Exception {
		Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
		for (String page : PAGES) {
			for (String language : List.of("en", "zh")) {
				responses.put(page + " " + language, reader.get(page, Map.of("Accept-Language", language)));
			}
		}
		return responses;
	}

	private Map<String, String> readAll(FormClient reader) throws Exception {
		Map<String, String> bodies = new LinkedHashMap<>();
		requestAll(reader).forEach((key, response) -> bodies.put(key, response.body()));
		return bodies;
	}

	/** Every page in both languages, read twice: the second read must come from the cache. */
	private Map<String, String> readAllCached(FormClient reader) throws Exception {
		requestAll(reader);
		Map<String, HttpResponse<String>> cached = requestAll(reader);
		cached.forEach((key, response) -> assertThat(cacheHeader(response)).as(key).isEqualTo("hit"));
		Map<String, String> bodies = new LinkedHashMap<>();
		cached.forEach((key, response) -> bodies.put(key, response.body()));
		return bodies;
	}

	private static String statusOfPakOnTheCommitmentPage(String body) {
		Document doc = Jsoup.parse(body);
		return doc.select("a[href='/stakeholders/PAK']").first().closest("tr").text();
	}

	@Test
	void aValidatedEntryShowsOnTheNextAnonymousRequestOfEveryPageInBothLanguages() throws Exception {
		this.tx.executeWithoutResult((status) -> {
			long pak = this.jdbc.sql("select id from stakeholder where code = ?").param(STATE).query(Long.class).single();
			this.users.save(new UserAccount("cache-delegate", "Cache Delegate", null, this.encoder.encode(PASSWORD),
					Role.DELEGATE, pak, Instant.now()));
			this.users.save(new UserAccount("cache-reviewer", "Cache Reviewer", null, this.encoder.encode(PASSWORD),
					Role.SECRETARIAT, null, Instant.now()));
		});
		FormClient reader = new FormClient(this.port);
		Map<String, String> before = readAllCached(reader);
		assertThat(statusOfPakOnTheCommitmentPage(before.get("/commitments/POL-1 en"))).contains("No evidence")
			.doesNotContain("Complete");

		// A draft: written and committed, the cache emptied, but nothing a reader sees changes.
		String path = "/entries/" + cycle() + "/" + STATE + "/" + COMMITMENT;
		FormClient delegate = new FormClient(this.port).signIn("cache-delegate", PASSWORD);
		String form = delegate.get(path, Map.of()).body();
		assertThat(delegate.post(path, form, Map.of("status", "COMPLETE", "narrative", "Done, with the report.")).statusCode())
			.isEqualTo(302);
		assertThat(readAll(reader)).as("drafts are not published").isEqualTo(before);

		// Submitted: the reporting compliance counts it (a public figure); the status is not published yet.
		String saved = delegate.get(path, Map.of()).body();
		assertThat(delegate.post(path + "/submit", saved, Map.of("version", String.valueOf(version()))).statusCode())
			.isEqualTo(302);
		Map<String, String> submitted = readAll(reader);
		assertThat(submitted.get("/commitments/POL-1 en")).isNotEqualTo(before.get("/commitments/POL-1 en"));
		assertThat(statusOfPakOnTheCommitmentPage(submitted.get("/commitments/POL-1 en"))).contains("No evidence");
		before = readAllCached(reader);

		// Validated: every page is rendered anew on its next request and shows it, in its language.
		FormClient reviewer = new FormClient(this.port).signIn("cache-reviewer", PASSWORD);
		String review = reviewer.get(path, Map.of()).body();
		assertThat(review).contains("/review/" + cycle() + "/" + STATE + "/" + COMMITMENT + "/validate");
		HttpResponse<String> validated = reviewer.post(
				"/review/" + cycle() + "/" + STATE + "/" + COMMITMENT + "/validate", review,
				Map.of("version", String.valueOf(version())));
		assertThat(validated.statusCode()).isEqualTo(302);

		Map<String, HttpResponse<String>> next = requestAll(reader);
		Map<String, HttpResponse<String>> again = requestAll(reader);
		for (String key : before.keySet()) {
			String language = key.substring(key.indexOf(' ') + 1);
			assertThat(cacheHeader(next.get(key))).as(key).isEqualTo("miss");
			assertThat(next.get(key).body()).as(key).isNotEqualTo(before.get(key)).contains("<html lang=\"" + language + "\"");
			assertThat(cacheHeader(again.get(key))).as(key).isEqualTo("hit");
			assertThat(again.get(key).body()).isEqualTo(next.get(key).body());
		}
		String commitmentEn = next.get("/commitments/POL-1 en").body();
		assertThat(statusOfPakOnTheCommitmentPage(commitmentEn)).contains("Complete");
		String commitmentZh = next.get("/commitments/POL-1 zh").body();
		assertThat(statusOfPakOnTheCommitmentPage(commitmentZh)).contains("完成");
	}

}
