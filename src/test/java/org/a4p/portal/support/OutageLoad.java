package org.a4p.portal.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Readers and writers over HTTP while PostgreSQL goes away and comes back, and the check afterwards that
 * every write the portal confirmed is stored exactly once and whole. Used by {@code DatabaseOutageTest}
 * (embedded PostgreSQL, a few clients) and by {@code bench/faults.sh} (a PostgreSQL server, the packaged
 * jar, 8 readers and 4 writers, a 30 s outage), which runs this file on its own:
 *
 * <pre>
 * java -cp postgresql.jar OutageLoad.java BASE_URL JDBC_URL JDBC_USER JDBC_PASSWORD READERS WRITERS
 *      WARMUP_S OUTAGE_S AFTER_S STOP_COMMAND START_COMMAND
 * </pre>
 *
 * Only the JDK and a JDBC driver: no Spring, no test library. The clients:
 * <ul>
 * <li>anonymous readers of published pages that are in the page cache when the database stops;</li>
 * <li>one anonymous reader of pages never cached (a new query each time: each needs the database);</li>
 * <li>one signed-in delegate reading their state's page;</li>
 * <li>writers: delegates signed in through the real sign-in form, each saving drafts of its own entries
 * through the real entry form, a different narrative each time; while a save is refused (503) the writer
 * sends the same form again, as a user would;</li>
 * <li>a probe of readiness and liveness.</li>
 * </ul>
 * Just before the stop the writers pause until every page the cached readers read is served from the
 * cache again (every write empties the page cache, a draft's too), except one save that is held in flight
 * by a row lock: the stop cuts it. Then the writers go on through the outage.
 */
public final class OutageLoad {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

	private static final String PASSWORD = "outage-load-password";

	/** The published pages the cached readers read, in English and Chinese. */
	private static final List<String> CACHED_PAGES = List.of("/", "/areas/PER", "/commitments/POL-5",
			"/stakeholders/PAK");

	/** What to run. */
	public record Settings(String base, String jdbcUrl, String jdbcUser, String jdbcPassword, int readers,
			int writers, Duration warmup, Duration outage, Duration after) {
	}

	/** Stops and starts the database; {@link #whileDown()} runs once it is down. */
	public interface Database {

		void stop() throws Exception;

		void start() throws Exception;

		default void whileDown() throws Exception {
		}

	}

	/** One request: who, what, when (ns since the run's start), what came back. */
	public record Sample(String client, String kind, String method, long start, long end, int status,
			boolean retryAfter, boolean echoed) {

		boolean ok() {
			return (this.status >= 200 && this.status < 400) || this.status == 409;
		}

		boolean needsDatabase() {
			return !this.kind.equals("cached") && !this.kind.equals("liveness");
		}

	}

	/** The outcome. Times are in ns since the run's start. */
	public record Report(List<Sample> samples, long stopAt, long stoppedAt, long upAt, int confirmed, int checked,
			int lost, int duplicated, int halfWritten, int heldCommitted, List<String> problems) {

		private List<Sample> requests() {
			return this.samples.stream().filter((s) -> !s.kind().equals("readiness") && !s.kind().equals("liveness")).toList();
		}

		public int requestCount() {
			return requests().size();
		}

		/** Failed requests that ended while the database was down. */
		public long errorsDuring() {
			return requests().stream().filter((s) -> !s.ok() && s.end() >= this.stopAt && s.end() < this.upAt).count();
		}

		/** Failed requests that ended after the database answered again. */
		public long errorsAfter() {
			return requests().stream().filter((s) -> !s.ok() && s.end() >= this.upAt).count();
		}

		/** Failed requests that ended before the stop. */
		public long errorsBefore() {
			return requests().stream().filter((s) -> !s.ok() && s.end() < this.stopAt).count();
		}

		/** Server errors other than 503, and requests that got no answer at all. */
		public long otherFailures() {
			return this.samples.stream().filter((s) -> s.status() == 0 || (s.status() >= 500 && s.status() != 503)).count();
		}

		/** 503 answers without {@code Retry-After}. */
		public long withoutRetryAfter() {
			return this.samples.stream().filter((s) -> s.status() == 503 && !s.kind().equals("readiness") && !s.retryAfter()).count();
		}

		/** The slowest request that was under way at some time while the database was down, in ms. */
		public double slowestDuringMillis() {
			return requests().stream()
				.filter((s) -> s.end() >= this.stopAt && s.start() < this.upAt)
				.mapToLong((s) -> s.end() - s.start())
				.max()
				.orElse(0) / 1e6;
		}

		/**
		 * Seconds from the database answering again until the portal serves requests that need it: a first one
		 * has succeeded and none fails any more (the later of the two).
		 */
		public double recoverySeconds() {
			long lastFailure = requests().stream()
				.filter((s) -> s.needsDatabase() && !s.ok() && s.end() >= this.upAt)
				.mapToLong((s) -> s.end() - this.upAt)
				.max()
				.orElse(0);
			return Math.max(lastFailure / 1e9, firstSuccessSeconds());
		}

		/** The slowest request of the whole run, in ms. */
		public double slowestMillis() {
			return requests().stream().mapToLong((s) -> s.end() - s.start()).max().orElse(0) / 1e6;
		}

		/** Seconds from the database answering again until the first success of a request that needed it. */
		public double firstSuccessSeconds() {
			return requests().stream()
				.filter((s) -> s.needsDatabase() && s.ok() && s.start() >= this.upAt)
				.mapToLong((s) -> s.end() - this.upAt)
				.min()
				.orElse(-1_000_000_000L) / 1e9;
		}

		public long count(String kind, boolean ok, boolean whileDown) {
			return this.samples.stream()
				.filter((s) -> s.kind().equals(kind) && s.ok() == ok)
				.filter((s) -> !whileDown || (s.start() >= this.stoppedAt && s.end() < this.upAt))
				.count();
		}

		/** Saves refused while the database was down, and of those, how many showed the narrative typed. */
		public long refusedSaves() {
			return this.samples.stream().filter((s) -> s.kind().equals("write") && s.status() == 503).count();
		}

		public long refusedSavesEchoed() {
			return this.samples.stream().filter((s) -> s.kind().equals("write") && s.status() == 503 && s.echoed()).count();
		}

		/** Whether readiness said DOWN (503) at some time while the database was down. */
		public boolean readinessDownWhileDown() {
			return this.samples.stream()
				.anyMatch((s) -> s.kind().equals("readiness") && s.status() == 503 && s.start() >= this.stoppedAt
						&& s.end() < this.upAt);
		}

		public boolean readinessUpAtEnd() {
			return this.samples.stream()
				.filter((s) -> s.kind().equals("readiness"))
				.reduce((a, b) -> b)
				.map((s) -> s.status() == 200)
				.orElse(false);
		}

		public boolean livenessAlwaysUp() {
			return this.samples.stream().filter((s) -> s.kind().equals("liveness")).allMatch((s) -> s.status() == 200);
		}

		public String text() {
			StringBuilder out = new StringBuilder();
			out.append(String.format(Locale.ROOT, "outage: %.1f s (stop took %.1f s)%n", (this.upAt - this.stopAt) / 1e9,
					(this.stoppedAt - this.stopAt) / 1e9));
			out.append(String.format(Locale.ROOT, "%-10s %8s %8s %14s %18s %8s %8s%n", "client", "ok", "failed",
					"ok_while_down", "failed_while_down", "p50_ms", "max_ms"));
			for (String kind : List.of("cached", "uncached", "signed-in", "write-form", "write", "readiness", "liveness")) {
				long[] millis = this.samples.stream()
					.filter((s) -> s.kind().equals(kind))
					.mapToLong((s) -> (s.end() - s.start()) / 1_000_000)
					.sorted()
					.toArray();
				out.append(String.format(Locale.ROOT, "%-10s %8d %8d %14d %18d %8d %8d%n", kind, count(kind, true, false),
						count(kind, false, false), count(kind, true, true), count(kind, false, true),
						(millis.length > 0) ? millis[millis.length / 2] : 0,
						(millis.length > 0) ? millis[millis.length - 1] : 0));
			}
			out.append(String.format(Locale.ROOT,
					"saves refused with 503: %d, of which showed what was typed: %d; held save cut by the stop committed: %d%n",
					refusedSaves(), refusedSavesEchoed(), this.heldCommitted));
			out.append(String.format(Locale.ROOT,
					"readiness DOWN while the database was down: %s; up again at the end: %s; liveness always UP: %s%n",
					readinessDownWhileDown(), readinessUpAtEnd(), livenessAlwaysUp()));
			this.problems.stream().limit(10).forEach((p) -> out.append("problem: ").append(p).append('\n'));
			out.append(summary()).append('\n');
			return out.toString();
		}

		public String summary() {
			return String.format(Locale.ROOT,
					"faults: requests=%d errors_before=%d errors_during=%d errors_after=%d other_5xx_or_no_answer=%d "
							+ "no_retry_after=%d slowest_during_ms=%.0f slowest_ms=%.0f recover_s=%.2f first_success_s=%.2f "
							+ "committed_writes_checked=%d lost=%d duplicated=%d half_written=%d",
					requestCount(), errorsBefore(), errorsDuring(), errorsAfter(), otherFailures(), withoutRetryAfter(),
					slowestDuringMillis(), slowestMillis(), recoverySeconds(), firstSuccessSeconds(), this.checked, this.lost,
					this.duplicated, this.halfWritten);
		}

	}

	private record Pair(String cycle, String stakeholder, String commitment) {

		String path() {
			return "/entries/" + this.cycle + "/" + this.stakeholder + "/" + this.commitment;
		}

	}

	private record Account(String username, List<Pair> pairs) {
	}

	private record Write(String narrative, Pair pair) {
	}

	private final Settings settings;

	private final String prefix = "outage-" + Long.toString(System.currentTimeMillis(), 36);

	private final long t0 = System.nanoTime();

	private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Write> confirmed = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean running = new AtomicBoolean(true);

	/** While set, writers start no new save. */
	private final AtomicBoolean writersPaused = new AtomicBoolean(false);

	private final AtomicInteger savesInFlight = new AtomicInteger();

	/** When each cached page (path and language) was last served from the cache. */
	private final Map<String, Long> cachedHits = new ConcurrentHashMap<>();

	private OutageLoad(Settings settings) {
		this.settings = settings;
	}

	public static Report run(Settings settings, Database database) throws Exception {
		return new OutageLoad(settings).run(database);
	}

	private long now() {
		return System.nanoTime() - this.t0;
	}

	private Report run(Database database) throws Exception {
		int cachedReaders = Math.max(1, this.settings.readers() - 2);
		List<Account> writers = new ArrayList<>();
		Account held;
		Account reader;
		try (Connection jdbc = connect()) {
			List<Account> accounts = createAccounts(jdbc, this.settings.writers() + 2);
			writers.addAll(accounts.subList(0, this.settings.writers()));
			held = accounts.get(this.settings.writers());
			reader = accounts.get(this.settings.writers() + 1);
		}
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < cachedReaders; i++) {
			int offset = i;
			threads.add(client("cached-" + i, () -> cachedReader(offset)));
		}
		if (this.settings.readers() >= 2) {
			threads.add(client("uncached", this::uncachedReader));
		}
		if (this.settings.readers() >= 3) {
			threads.add(client("signed-in", () -> signedInReader(reader)));
		}
		for (int i = 0; i < writers.size(); i++) {
			Account writer = writers.get(i);
			String name = "writer-" + i;
			threads.add(client(name, () -> writer(name, writer)));
		}
		threads.add(client("probe", this::probe));
		Session heldSession = new Session(held.username());
		HeldSave heldSave = prepareHeldSave(heldSession, held.pairs().get(0));

		threads.forEach(Thread::start);
		Thread.sleep(this.settings.warmup().toMillis());

		// Quiet: no save in flight, then every page the cached readers read is served from the cache again.
		this.writersPaused.set(true);
		long quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.savesInFlight.get() > 0 && System.nanoTime() < quietUntil) {
			Thread.sleep(20);
		}
		long quietFrom = now();
		long cachedUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!allCachedSince(quietFrom) && System.nanoTime() < cachedUntil) {
			Thread.sleep(50);
		}
		if (!allCachedSince(quietFrom)) {
			this.problems.add("the readers' pages were not all cached before the stop: " + this.cachedHits);
		}

		Thread heldThread = new Thread(heldSave::send, "held-save");
		Connection lock = heldSave.lockRow();
		heldThread.start();
		Thread.sleep(500);

		long stopAt = now();
		database.stop();
		long stoppedAt = now();
		this.writersPaused.set(false);
		closeQuietly(lock);
		database.whileDown();
		long remaining = this.settings.outage().toNanos() - (now() - stopAt);
		if (remaining > 0) {
			Thread.sleep(remaining / 1_000_000);
		}
		database.start();
		long upAt = now();
		Thread.sleep(this.settings.after().toMillis());
		this.running.set(false);
		for (Thread thread : threads) {
			thread.join(REQUEST_TIMEOUT.toMillis() + 5000);
		}
		heldThread.join(REQUEST_TIMEOUT.toMillis());
		return verify(stopAt, stoppedAt, upAt, heldSave);
	}

	private boolean allCachedSince(long since) {
		int expected = CACHED_PAGES.size() * 2;
		return this.cachedHits.values().stream().filter((at) -> at > since).count() >= expected;
	}

	private Thread client(String name, ThrowingRunnable body) {
		Thread thread = new Thread(() -> {
			try {
				body.run();
			}
			catch (Exception ex) {
				this.problems.add(name + " stopped: " + ex);
			}
		}, "outage-" + name);
		thread.setDaemon(true);
		return thread;
	}

	@FunctionalInterface
	private interface ThrowingRunnable {

		void run() throws Exception;

	}

	// Clients -------------------------------------------------------------------------------------------

	private void cachedReader(int offset) throws InterruptedException {
		Session session = new Session(null);
		for (int n = offset; this.running.get(); n++) {
			String path = CACHED_PAGES.get(n % CACHED_PAGES.size());
			String language = ((n / CACHED_PAGES.size()) % 2 == 0) ? "en" : "zh";
			HttpResponse<String> page = session.get("cached", path, language);
			if (page != null && page.statusCode() == 200
					&& "hit".equals(page.headers().firstValue("X-Page-Cache").orElse(null))) {
				this.cachedHits.put(path + " " + language, now());
			}
			Thread.sleep(10);
		}
	}

	private void uncachedReader() throws InterruptedException {
		Session session = new Session(null);
		for (int n = 0; this.running.get(); n++) {
			session.get("uncached", "/areas/POL?n=" + this.prefix + "-" + n, "en");
			Thread.sleep(50);
		}
	}

	private void signedInReader(Account account) throws Exception {
		Session session = new Session(account.username());
		session.signIn();
		while (this.running.get()) {
			session.get("signed-in", "/my", "en");
			Thread.sleep(100);
		}
	}

	private void probe() throws InterruptedException {
		Session session = new Session(null);
		while (this.running.get()) {
			session.get("readiness", "/actuator/health/readiness", "en");
			session.get("liveness", "/actuator/health/liveness", "en");
			Thread.sleep(250);
		}
	}

	private void writer(String name, Account account) throws Exception {
		Session session = new Session(account.username());
		session.signIn();
		Map<Pair, String> pages = new HashMap<>();
		int attempt = 0;
		for (int n = 0; this.running.get(); n++) {
			Pair pair = account.pairs().get(n % account.pairs().size());
			String page = pages.get(pair);
			if (page == null) {
				HttpResponse<String> form = session.get("write-form", pair.path(), "en");
				if (form == null || form.statusCode() != 200) {
					Thread.sleep(200);
					n--;
					continue;
				}
				page = form.body();
			}
			// paused with the form open: it is sent once the pause ends, i.e. when the database is down
			while (this.writersPaused.get() && this.running.get()) {
				Thread.sleep(10);
			}
			String narrative = this.prefix + " " + name + " save " + (attempt++);
			this.savesInFlight.incrementAndGet();
			HttpResponse<String> saved;
			try {
				saved = session.save(pair, page, narrative, (attempt % 2 == 0) ? "LIMITED" : "SUBSTANTIAL");
			}
			finally {
				this.savesInFlight.decrementAndGet();
			}
			if (saved != null && saved.statusCode() == 302) {
				this.confirmed.add(new Write(narrative, pair));
				pages.remove(pair);
			}
			else if (saved != null && saved.statusCode() == 503) {
				// not saved: the same form again after a pause (a new narrative, to tell the tries apart)
				pages.put(pair, page);
				Thread.sleep(200);
				n--;
			}
			else {
				pages.remove(pair);
				Thread.sleep(100);
			}
		}
	}

	/** A save held in flight by a row lock when the database stops. */
	private final class HeldSave {

		private final Session session;

		private final Pair pair;

		private final String page;

		private final String narrative;

		private volatile int status = -1;

		HeldSave(Session session, Pair pair, String page) {
			this.session = session;
			this.pair = pair;
			this.page = page;
			this.narrative = OutageLoad.this.prefix + " held save";
		}

		Connection lockRow() throws SQLException {
			Connection connection = connect();
			connection.setAutoCommit(false);
			try (PreparedStatement lock = connection.prepareStatement("""
					select pe.id from progress_entry pe
					join reporting_cycle rc on rc.id = pe.cycle_id and rc.code = ?
					join stakeholder s on s.id = pe.stakeholder_id and s.code = ?
					join commitment c on c.id = pe.commitment_id and c.code = ?
					for update of pe
					""")) {
				lock.setString(1, this.pair.cycle());
				lock.setString(2, this.pair.stakeholder());
				lock.setString(3, this.pair.commitment());
				try (ResultSet rs = lock.executeQuery()) {
					if (!rs.next()) {
						throw new IllegalStateException("no entry to hold: " + this.pair);
					}
				}
			}
			return connection;
		}

		void send() {
			HttpResponse<String> saved = this.session.save(this.pair, this.page, this.narrative, "COMPLETE");
			this.status = (saved != null) ? saved.statusCode() : 0;
		}

	}

	private HeldSave prepareHeldSave(Session session, Pair pair) throws Exception {
		session.signIn();
		HttpResponse<String> form = session.get("write-form", pair.path(), "en");
		HttpResponse<String> first = session.save(pair, Objects.requireNonNull(form).body(),
				this.prefix + " held entry created", "NOT_STARTED");
		if (first == null || first.statusCode() != 302) {
			throw new IllegalStateException("could not create the held entry: " + ((first != null) ? first.statusCode() : 0));
		}
		this.confirmed.add(new Write(this.prefix + " held entry created", pair));
		return new HeldSave(session, pair, Objects.requireNonNull(session.get("write-form", pair.path(), "en")).body());
	}

	/** One user's HTTP client: cookies kept, no redirect followed. */
	private final class Session {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private final String username;

		Session(String username) {
			this.username = username;
		}

		void signIn() throws Exception {
			HttpResponse<String> login = send("sign-in", HttpRequest.newBuilder(uri("/login")).GET(), null);
			HttpResponse<String> signedIn = post("sign-in", "/login", login.body(),
					Map.of("username", this.username, "password", PASSWORD), null);
			if (signedIn == null || signedIn.statusCode() != 302
					|| signedIn.headers().firstValue("Location").orElse("").contains("error")) {
				throw new IllegalStateException("sign-in failed for " + this.username);
			}
		}

		HttpResponse<String> get(String kind, String path, String language) {
			return send(kind, HttpRequest.newBuilder(uri(path)).header("Accept-Language", language).GET(), null);
		}

		HttpResponse<String> save(Pair pair, String page, String narrative, String status) {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("status", status);
			form.put("narrative", narrative);
			Matcher version = VERSION.matcher(page);
			if (version.find()) {
				form.put("version", version.group(1));
			}
			return post("write", pair.path(), page, form, narrative);
		}

		HttpResponse<String> post(String kind, String path, String pageWithForm, Map<String, String> fields,
				String typed) {
			Matcher csrf = CSRF.matcher(pageWithForm);
			if (!csrf.find()) {
				problems.add(kind + ": no CSRF token on the form page of " + path);
				return null;
			}
			Map<String, String> form = new LinkedHashMap<>(fields);
			form.put("_csrf", csrf.group(1).replace("&#45;", "-"));
			String body = form.entrySet()
				.stream()
				.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(kind, HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept-Language", "en")
				.POST(HttpRequest.BodyPublishers.ofString(body)), typed);
		}

		private URI uri(String path) {
			return URI.create(settings.base() + path);
		}

		private HttpResponse<String> send(String kind, HttpRequest.Builder request, String typed) {
			long start = now();
			try {
				HttpResponse<String> response = this.http.send(request.timeout(REQUEST_TIMEOUT).build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				boolean retryAfter = response.headers().firstValue("Retry-After").isPresent();
				boolean echoed = typed != null && response.body().contains(typed);
				samples.add(new Sample(Thread.currentThread().getName(), kind, request.build().method(), start, now(),
						response.statusCode(), retryAfter, echoed));
				if (typed != null && response.statusCode() == 503 && !echoed) {
					problems.add(kind + " " + request.build().uri().getPath() + ": 503 without what was typed: "
							+ response.body().replaceAll("\\s+", " "));
				}
				if (response.statusCode() >= 500 && response.statusCode() != 503) {
					problems.add(kind + " " + request.build().uri().getPath() + " -> " + response.statusCode());
				}
				return response;
			}
			catch (IOException ex) {
				samples.add(new Sample(Thread.currentThread().getName(), kind, request.build().method(), start, now(), 0,
						false, false));
				problems.add(kind + " " + request.build().uri().getPath() + ": no answer (" + ex + ")");
				return null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}

	}

	// Accounts and checks ---------------------------------------------------------------------------------

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.settings.jdbcUrl(), this.settings.jdbcUser(),
				this.settings.jdbcPassword());
	}

	/**
	 * Delegates of Member States that endorsed (several per state when there are fewer states), each with
	 * entries of the open cycle no other account writes.
	 */
	private List<Account> createAccounts(Connection jdbc, int count) throws SQLException {
		List<String> states = new ArrayList<>();
		try (Statement statement = jdbc.createStatement();
				ResultSet rs = statement.executeQuery("""
						select s.code from stakeholder s
						where s.kind = 'MEMBER_STATE'
						  and exists (select 1 from endorsement e where e.stakeholder_id = s.id and e.withdrawn_on is null)
						order by s.code limit 50
						""")) {
			while (rs.next()) {
				states.add(rs.getString(1));
			}
		}
		if (states.isEmpty()) {
			throw new IllegalStateException("No Member State has endorsed: nobody to write");
		}
		List<Account> accounts = new ArrayList<>();
		Map<String, Integer> perState = new HashMap<>();
		for (int i = 0; i < count; i++) {
			perState.merge(states.get(i % states.size()), 1, Integer::sum);
		}
		Map<String, Integer> taken = new HashMap<>();
		for (int i = 0; i < count; i++) {
			String state = states.get(i % states.size());
			String username = this.prefix + "-" + i;
			try (PreparedStatement insert = jdbc.prepareStatement("""
					insert into app_user (username, display_name, password_hash, role, stakeholder_id)
					values (?, ?, ?, 'DELEGATE', (select id from stakeholder where code = ?))
					""")) {
				insert.setString(1, username);
				insert.setString(2, "Outage load " + i);
				insert.setString(3, "{noop}" + PASSWORD);
				insert.setString(4, state);
				insert.executeUpdate();
			}
			List<Pair> pairs = pairs(jdbc, state);
			int share = perState.get(state);
			int index = taken.merge(state, 1, Integer::sum) - 1;
			List<Pair> mine = new ArrayList<>();
			for (int p = index; p < pairs.size(); p += share) {
				mine.add(pairs.get(p));
			}
			if (mine.isEmpty()) {
				throw new IllegalStateException("No entry left for " + username + " of " + state);
			}
			accounts.add(new Account(username, mine));
		}
		return accounts;
	}

	private static List<Pair> pairs(Connection jdbc, String state) throws SQLException {
		List<Pair> pairs = new ArrayList<>();
		try (PreparedStatement query = jdbc.prepareStatement("""
				select rc.code, s.code, c.code
				from applicable_pair ap
				join reporting_cycle rc on rc.id = ap.cycle_id and rc.state = 'OPEN'
				join stakeholder s on s.id = ap.stakeholder_id and s.code = ?
				join commitment c on c.id = ap.commitment_id
				left join progress_entry pe on pe.cycle_id = ap.cycle_id and pe.commitment_id = ap.commitment_id
				    and pe.stakeholder_id = ap.stakeholder_id
				where pe.id is null or pe.workflow_state in ('DRAFT', 'RETURNED')
				order by rc.code, c.code
				""")) {
			query.setString(1, state);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					pairs.add(new Pair(rs.getString(1), rs.getString(2), rs.getString(3)));
				}
			}
		}
		return pairs;
	}

	/**
	 * Every confirmed write is stored exactly once and whole: its revision, and its audit event with the
	 * same narrative and version. Every write of this run, confirmed or not, is whole or absent (a revision
	 * without its audit event, or the reverse, is half-written), and each entry it touched is its latest
	 * revision.
	 */
	private Report verify(long stopAt, long stoppedAt, long upAt, HeldSave held) throws SQLException {
		Map<String, Integer> revisions = new HashMap<>();
		Map<String, Integer> audits = new HashMap<>();
		Map<String, String> revisionKeys = new HashMap<>();
		Map<String, String> auditKeys = new HashMap<>();
		int halfWritten = 0;
		try (Connection jdbc = connect()) {
			try (PreparedStatement query = jdbc.prepareStatement("""
					select narrative, entry_id || '/' || entry_version from progress_entry_revision where narrative like ?
					""")) {
				query.setString(1, this.prefix + " %");
				try (ResultSet rs = query.executeQuery()) {
					while (rs.next()) {
						revisions.merge(rs.getString(1), 1, Integer::sum);
						revisionKeys.put(rs.getString(1), rs.getString(2));
					}
				}
			}
			try (PreparedStatement query = jdbc.prepareStatement("""
					select after_state ->> 'narrative', entity_id || '/' || (after_state ->> 'version')
					from audit_event where entity_type = 'progress_entry' and after_state ->> 'narrative' like ?
					""")) {
				query.setString(1, this.prefix + " %");
				try (ResultSet rs = query.executeQuery()) {
					while (rs.next()) {
						audits.merge(rs.getString(1), 1, Integer::sum);
						auditKeys.put(rs.getString(1), rs.getString(2));
					}
				}
			}
			for (String narrative : union(revisions.keySet(), audits.keySet())) {
				if (!revisions.getOrDefault(narrative, 0).equals(audits.getOrDefault(narrative, 0))
						|| !Objects.equals(revisionKeys.get(narrative), auditKeys.get(narrative))) {
					halfWritten++;
					this.problems.add("half-written: '" + narrative + "' revisions=" + revisions.get(narrative) + " audit="
							+ audits.get(narrative));
				}
			}
			try (PreparedStatement query = jdbc.prepareStatement("""
					select count(*) from progress_entry pe
					left join lateral (select r.entry_version, r.narrative from progress_entry_revision r
					                   where r.entry_id = pe.id order by r.revision desc limit 1) latest on true
					where pe.narrative like ?
					  and (latest.narrative is null or latest.narrative <> pe.narrative
					       or latest.entry_version <> pe.version)
					""")) {
				query.setString(1, this.prefix + " %");
				try (ResultSet rs = query.executeQuery()) {
					rs.next();
					int entries = rs.getInt(1);
					if (entries > 0) {
						halfWritten += entries;
						this.problems.add(entries + " entries differ from their latest revision");
					}
				}
			}
		}
		int checked = 0;
		int lost = 0;
		int duplicated = 0;
		for (Write write : this.confirmed) {
			checked++;
			int stored = revisions.getOrDefault(write.narrative(), 0);
			if (stored == 0 || audits.getOrDefault(write.narrative(), 0) == 0) {
				lost++;
				this.problems.add("lost: '" + write.narrative() + "' of " + write.pair().path());
			}
			else if (stored > 1) {
				duplicated++;
				this.problems.add("stored " + stored + " times: '" + write.narrative() + "'");
			}
		}
		int heldCommitted = revisions.getOrDefault(held.narrative, 0);
		if (held.status == 302) {
			// the lock went with the stop and the save got through before its own connection did: confirmed
			checked++;
			if (heldCommitted != 1) {
				lost++;
				this.problems.add("the held save was confirmed but is stored " + heldCommitted + " times");
			}
		}
		List<Sample> all = new ArrayList<>(this.samples);
		all.sort((a, b) -> Long.compare(a.start(), b.start()));
		return new Report(all, stopAt, stoppedAt, upAt, this.confirmed.size(), checked, lost, duplicated, halfWritten,
				heldCommitted, List.copyOf(this.problems));
	}

	private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
		List<String> all = new ArrayList<>(a);
		b.stream().filter((x) -> !a.contains(x)).forEach(all::add);
		return all;
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// the database is going away with it
		}
	}

	// Command line (bench/faults.sh) ------------------------------------------------------------------------

	public static void main(String[] args) throws Exception {
		if (args.length != 11) {
			System.err.println("usage: OutageLoad BASE_URL JDBC_URL USER PASSWORD READERS WRITERS WARMUP_S OUTAGE_S AFTER_S "
					+ "STOP_COMMAND START_COMMAND");
			System.exit(2);
		}
		Settings settings = new Settings(args[0], args[1], args[2], args[3], Integer.parseInt(args[4]),
				Integer.parseInt(args[5]), Duration.ofSeconds(Long.parseLong(args[6])),
				Duration.ofSeconds(Long.parseLong(args[7])), Duration.ofSeconds(Long.parseLong(args[8])));
		String stop = args[9];
		String start = args[10];
		Report report = run(settings, new Database() {
			@Override
			public void stop() throws Exception {
				shell(stop);
			}

			@Override
			public void start() throws Exception {
				shell(start);
			}
		});
		System.out.print(report.text());
	}

	private static void shell(String command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("failed (" + process.exitValue() + "): " + command);
		}
	}

}
