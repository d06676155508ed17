package org.a4p.portal.pagecache;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.a4p.portal.account.Role;
import org.a4p.portal.account.UserAccount;
import org.a4p.portal.account.UserAccountRepository;
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
 * The whole reporting path over real HTTP with the page cache on: a delegate saves and submits an
 * entry, the Secretariat validates it, and the very next anonymous request of every page showing it
 * (dashboard, area, commitment, state; English and Chinese) is rendered anew and shows it. A draft
 * changes nothing a reader sees; a submission changes the reporting compliance only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "portal.page-cache.enabled=true")
class ValidatedEntryCacheHttpTest {

	private static final String PASSWORD = "a long enough password";

	private static final String STATE = "PAK";

	private static final String COMMITMENT = "POL-1";

	private static final List<String> PAGES = List.of("/", "/areas/POL", "/commitments/POL-1", "/stakeholders/PAK");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	UserAccountRepository users;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	PageCache cache;

	/** Other test classes share this context and its cache, and clean up with SQL the cache does not hear of. */
	@BeforeEach
	void emptyCache() {
		this.cache.invalidateAll();
	}

	@AfterEach
	void cleanUp() {
		this.tx.executeWithoutResult((status) -> {
			this.jdbc.sql("delete from progress_entry where stakeholder_id = (select id from stakeholder where code = ?) "
					+ "and commitment_id = (select id from commitment where code = ?) "
					+ "and cycle_id = (select id from reporting_cycle where state = 'OPEN')")
				.params(STATE, COMMITMENT)
				.update();
			this.jdbc.sql("delete from audit_event where actor in ('cache-delegate', 'cache-reviewer')").update();
			this.jdbc.sql("delete from app_user where username in ('cache-delegate', 'cache-reviewer')").update();
		});
		this.cache.invalidateAll();
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

	/** Every page in both languages, read twice: the second read must come from the cache. */
	private Map<String, String> readAllCached(FormClient reader) throws Exception {
		Map<String, String> bodies = new LinkedHashMap<>();
		for (String page : PAGES) {
			for (String language : List.of("en", "zh")) {
				reader.get(page, Map.of("Accept-Language", language));
				HttpResponse<String> cached = reader.get(page, Map.of("Accept-Language", language));
				assertThat(cached.headers().firstValue(PageCacheFilter.CACHE_HEADER)).as(page + " " + language)
					.hasValue("hit");
				bodies.put(page + " " + language, cached.body());
			}
		}
		return bodies;
	}

	/** Every page in both languages, read once. */
	private Map<String, String> readAll(FormClient reader) throws Exception {
		Map<String, String> bodies = new LinkedHashMap<>();
		for (String page : PAGES) {
			for (String language : List.of("en", "zh")) {
				bodies.put(page + " " + language, reader.get(page, Map.of("Accept-Language", language)).body());
			}
		}
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
					Role.DELEGATE, pak));
			this.users.save(new UserAccount("cache-reviewer", "Cache Reviewer", null, this.encoder.encode(PASSWORD),
					Role.SECRETARIAT, null));
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

		for (String key : before.keySet()) {
			String[] pageAndLanguage = key.split(" ");
			HttpResponse<String> next = reader.get(pageAndLanguage[0], Map.of("Accept-Language", pageAndLanguage[1]));
			assertThat(next.headers().firstValue(PageCacheFilter.CACHE_HEADER)).as(key).hasValue("miss");
			assertThat(next.body()).as(key).isNotEqualTo(before.get(key))
				.contains("<html lang=\"" + pageAndLanguage[1] + "\"");
			HttpResponse<String> again = reader.get(pageAndLanguage[0], Map.of("Accept-Language", pageAndLanguage[1]));
			assertThat(again.headers().firstValue(PageCacheFilter.CACHE_HEADER)).as(key).hasValue("hit");
			assertThat(again.body()).isEqualTo(next.body());
		}
		String commitmentEn = reader.get("/commitments/POL-1", Map.of("Accept-Language", "en")).body();
		assertThat(statusOfPakOnTheCommitmentPage(commitmentEn)).contains("Complete");
		String commitmentZh = reader.get("/commitments/POL-1", Map.of("Accept-Language", "zh")).body();
		assertThat(statusOfPakOnTheCommitmentPage(commitmentZh)).contains("完成");
	}

}
