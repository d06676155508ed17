import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's write test: N concurrent delegates, each signed in through the real sign-in form, each
 * saving draft entries of its own state (status alternating between two values), for a given number of seconds.
 * Then it reads every entry it wrote back and counts lost updates (the narrative shown is not the last one
 * written). Prints: RESULT requests=.. p50_ms=.. p95_ms=.. p99_ms=.. errors=.. lost=..
 *
 * Usage: java bench/WriteLoad.java BASE_URL WORK_FILE SECONDS LOG_FILE
 * WORK_FILE lines: username password cycle stakeholder commitment (one writer per distinct username).
 */
public class WriteLoad {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	record Pair(String cycle, String stakeholder, String commitment) {
		String path() {
			return "/entries/" + this.cycle + "/" + this.stakeholder + "/" + this.commitment;
		}
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		List<String> lines = Files.readAllLines(Path.of(args[1]));
		int seconds = Integer.parseInt(args[2]);
		Path log = Path.of(args[3]);

		Map<String, String> passwords = new HashMap<>();
		Map<String, List<Pair>> work = new HashMap<>();
		for (String line : lines) {
			String[] f = line.trim().split("\\s+");
			if (f.length == 5) {
				passwords.put(f[0], f[1]);
				work.computeIfAbsent(f[0], (k) -> new ArrayList<>()).add(new Pair(f[2], f[3], f[4]));
			}
		}
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
		AtomicInteger lost = new AtomicInteger();
		CountDownLatch ready = new CountDownLatch(work.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (Map.Entry<String, List<Pair>> writer : work.entrySet()) {
			Thread t = new Thread(() -> {
				try {
					run(base, writer.getKey(), passwords.get(writer.getKey()), writer.getValue(), seconds, ready, start,
							latencies, problems, lost);
				}
				catch (Exception ex) {
					problems.add(writer.getKey() + ": " + ex);
					ready.countDown();
				}
			});
			threads.add(t);
			t.start();
		}
		ready.await();
		start.countDown();
		for (Thread t : threads) {
			t.join();
		}
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		Files.write(log, problems);
		System.out.printf("RESULT requests=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d lost=%d writers=%d%n",
				sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), problems.size(), lost.get(),
				work.size());
	}

	private static double pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1_000_000.0;
	}

	private static void run(String base, String user, String password, List<Pair> pairs, int seconds,
			CountDownLatch ready, CountDownLatch start, ConcurrentLinkedQueue<Long> latencies,
			ConcurrentLinkedQueue<String> problems, AtomicInteger lost) throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String login = get(http, base + "/login");
		HttpResponse<String> signedIn = post(http, base + "/login",
				Map.of("username", user, "password", password, "_csrf", find(CSRF, login)));
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in failed for " + user);
		}
		ready.countDown();
		start.await();
		Map<Pair, String> lastWritten = new HashMap<>();
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		int n = 0;
		while (System.nanoTime() < end) {
			Pair pair = pairs.get(n % pairs.size());
			String page = get(http, base + pair.path());
			String narrative = "Benchmark narrative by " + user + ", write " + n;
			Map<String, String> form = new HashMap<>();
			form.put("_csrf", find(CSRF, page));
			form.put("status", (n % 2 == 0) ? "LIMITED" : "SUBSTANTIAL");
			form.put("narrative", narrative);
			Matcher version = VERSION.matcher(page);
			if (version.find()) {
				form.put("version", version.group(1));
			}
			long t0 = System.nanoTime();
			HttpResponse<String> saved = post(http, base + pair.path(), form);
			latencies.add(System.nanoTime() - t0);
			if (saved.statusCode() != 302) {
				problems.add(user + " save " + pair.path() + " -> " + saved.statusCode());
			}
			else {
				lastWritten.put(pair, narrative);
			}
			n++;
		}
		for (Map.Entry<Pair, String> written : lastWritten.entrySet()) {
			if (!get(http, base + written.getKey().path()).contains(written.getValue())) {
				lost.incrementAndGet();
			}
		}
	}

	private static String find(Pattern pattern, String page) {
		Matcher m = pattern.matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("not found on the page: " + pattern);
		}
		return m.group(1).replace("&#45;", "-");
	}

	private static String get(HttpClient http, String url) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + url + " -> " + response.statusCode());
		}
		return response.body();
	}

	private static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form) throws Exception {
		StringBuilder body = new StringBuilder();
		form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
