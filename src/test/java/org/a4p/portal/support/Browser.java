package org.a4p.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.stream.Stream;

import com.deque.html.axecore.args.AxeRunContext;
import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeReporter;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opentest4j.TestAbortedException;

/**
 * A headless Chromium driven by Selenium through the system's chromedriver (never a downloaded
 * one), with a fresh profile, and the checks every page must pass ({@link #assertSound}): no error
 * in the browser console (a file that did not load, a blocked inline style or script) and no
 * axe-core violation of WCAG 2.0/2.1/2.2 A and AA (on every element but the rows of a table body after its 30th:
 * see {@link #ROWS_NOT_CHECKED}). Screenshots of the whole page go to {@code target/screenshots/}.
 * Used through {@link BrowserTest}.
 * <p>
 * Where Chromium or chromedriver is missing the test is skipped (reported as skipped, with the
 * reason), unless the environment variable {@code PORTAL_REQUIRE_BROWSER=true} says browser tests
 * must run, as in CI: then it fails. Other paths: {@code PORTAL_CHROMIUM}, {@code PORTAL_CHROMEDRIVER}.
 */
public final class Browser implements AutoCloseable {

	/** The axe-core rule tags checked: WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
	public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a",
			"wcag22aa");

	/**
	 * The rows of a table body that axe-core leaves out: from the 31st on. A table's rows come from one template
	 * (the progress tables have 193 and more, and axe-core spent most of its seconds on them); the first 30 stand
	 * for the rest. The table itself, its head and its scrolling region are checked.
	 */
	static final String ROWS_NOT_CHECKED = "tbody tr:nth-child(n+31)";

	static final String REQUIRE_BROWSER = "PORTAL_REQUIRE_BROWSER";

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;


	private Browser(ChromeDriver driver, Path profile, String baseUrl) {
		this.driver = driver;
		this.profile = profile;
		this.baseUrl = baseUrl;
	}

	/** What is missing to run browser tests, if anything. */
	static Optional<String> missing() {
		Path chromium = chromium();
		Path chromedriver = chromedriver();
		if (Files.isExecutable(chromium) && Files.isExecutable(chromedriver)) {
			return Optional.empty();
		}
		return Optional.of("Chromium (" + chromium + ") and chromedriver (" + chromedriver + ") are needed for "
				+ "browser tests: apt-get install -y chromium chromium-driver");
	}

	/** Whether browser tests must run (CI): then a missing browser is a failure, not a reason to skip. */
	static boolean required() {
		return "true".equalsIgnoreCase(System.getenv(REQUIRE_BROWSER));
	}

	/** Fails where browser tests are required and the browser is missing. */
	static void requireInstalledWhereRequired() {
		Optional<String> missing = missing();
		if (missing.isPresent() && required()) {
			throw new IllegalStateException(REQUIRE_BROWSER + "=true but the browser is missing. " + missing.get());
		}
	}

	/** Starts a headless Chromium with a fresh profile; relative paths given to {@link #open} go to baseUrl. */
	static Browser start(String baseUrl) {
		requireInstalledWhereRequired();
		missing().ifPresent((reason) -> {
			throw new TestAbortedException("Browser test skipped. " + reason);
		});
		Path profile;
		try {
			profile = Files.createTempDirectory("a4p-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium().toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1024", "--lang=en-GB",
				// No smooth scrolling (Bootstrap asks for it otherwise): a click on an element below the
				// fold would aim at where it was before the scroll ends ("element click intercepted").
				"--force-prefers-reduced-motion");
		// The language the browser asks for: English, so the language switch is what changes it.
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
		// Keep the console: a missing style sheet or a Content-Security-Policy violation shows there.
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(chromedriver().toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		// axe-core in every document the browser loads from now on, before the page's own scripts: evaluated by
		// Chromium itself (outside the page's Content-Security-Policy), so no check uploads its 560 kB again.
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", AxeScript.SOURCE));
		return new Browser(driver, profile, baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
	}

	private static Path chromium() {
		return Path.of(envOr("PORTAL_CHROMIUM", "/usr/bin/chromium"));
	}

	private static Path chromedriver() {
		return Path.of(envOr("PORTAL_CHROMEDRIVER", "/usr/bin/chromedriver"));
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/** Loads a page: a path such as {@code /areas/POL} on the portal under test, or a full URL. */
	public Browser open(String pathOrUrl) {
		this.driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : this.baseUrl + pathOrUrl);
		return this;
	}

	/**
	 * Lays pages out for a viewport this many CSS pixels wide (375: a phone; 1366: a common laptop), keeping the
	 * window's height. Headless Chromium has no window frame, but the width is checked and corrected if it had.
	 */
	public Browser width(int width) {
		Dimension size = this.driver.manage().window().getSize();
		this.driver.manage().window().setSize(new Dimension(width, size.getHeight()));
		Object inner = this.driver.executeScript("return window.innerWidth");
		if (inner instanceof Number number && number.intValue() != width) {
			this.driver.manage().window().setSize(new Dimension(2 * width - number.intValue(), size.getHeight()));
		}
		return this;
	}

	/**
	 * Whether the page is wider than the viewport (the reader would scroll the whole page sideways): only a table
	 * inside its own scrolling region may be wider.
	 */
	public boolean overflowsSideways() {
		Object overflow = this.driver.executeScript(
				"return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
		return Boolean.TRUE.equals(overflow);
	}

	/** The captions (or classes) of the tables whose scrolling region is narrower than the table. */
	@SuppressWarnings("unchecked")
	public List<String> tablesThatScroll() {
		Object found = this.driver.executeScript("""
				return Array.from(document.querySelectorAll('.table-scroll, .table-responsive'))
				  .filter(function (r) { return r.scrollWidth > r.clientWidth + 1; })
				  .map(function (r) { var c = r.querySelector('caption');
				    return c ? c.textContent.trim() : r.querySelector('table').className; });
				""");
		return (found instanceof List<?> list) ? (List<String>) list : List.of();
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/** The path (and query) of the page shown, without the scheme, host and port. */
	public String path() {
		String url = this.driver.getCurrentUrl();
		return (url != null && url.startsWith(this.baseUrl)) ? url.substring(this.baseUrl.length()) : String.valueOf(url);
	}

	public WebElement find(By by) {
		return this.driver.findElement(by);
	}

	public List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	/** The {@code lang} attribute of the page's {@code <html>} element. */
	public String lang() {
		return this.driver.findElement(By.tagName("html")).getDomAttribute("lang");
	}

	/** Clicks a link and waits until the page it leads to has loaded. */
	public Browser follow(WebElement link) {
		// The old document carries a mark; the new one does not. (Waiting for the old <html> to go
		// stale instead fails now and then: chromedriver answers "Node with given id does not belong
		// to the document" while the page is being replaced.)
		this.driver.executeScript("window.__a4pOldPage = true;");
		link.click();
		new WebDriverWait(this.driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
			.until((d) -> Boolean.TRUE.equals(this.driver.executeScript(
					"return window.__a4pOldPage === undefined && document.readyState === 'complete';")));
		return this;
	}

	/**
	 * Signs in through the portal's own sign-in form ({@code /login}, in the language the browser chose last) and
	 * waits for the page the sign-in leads to. Where that is, is for the caller to check.
	 */
	public Browser signIn(String username, String password) {
		return signIn(username, password, (signInPage) -> {
		});
	}

	/** The same, with checks of the sign-in page ({@code onTheSignInPage}) before it is filled in. */
	public Browser signIn(String username, String password, Consumer<Browser> onTheSignInPage) {
		open("/login");
		onTheSignInPage.accept(this);
		find(By.id("username")).sendKeys(username);
		find(By.id("password")).sendKeys(password);
		return follow(find(By.cssSelector("main form button[type='submit']")));
	}

	/** Signs out with the header's button and waits for the page that follows. */
	public Browser signOut() {
		return follow(find(By.cssSelector("form[action='/logout'] button")));
	}

	/**
	 * Fails if the browser's console reported an error since the last call: a resource that did not
	 * load (404), a Content-Security-Policy violation (an inline style or script), a script error. The page
	 * shown having come with 422 or 409 is not one: that is how a refused form comes back.
	 */
	public void assertNoConsoleErrors(String pageName) {
		String refusedForm = this.driver.getCurrentUrl() + " - Failed to load resource: the server responded with a status of ";
		List<String> errors = this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter((message) -> !(message.startsWith(refusedForm + "422") || message.startsWith(refusedForm + "409")))
			.toList();
		if (!errors.isEmpty()) {
			throw new AssertionError("The browser console reported errors on " + pageName + " (" + path() + "):\n- "
					+ String.join("\n- ", errors));
		}
	}

	/** {@link #assertNoConsoleErrors} and {@link #assertAccessible}: what every page must pass. */
	public void assertSound(String pageName) {
		assertNoConsoleErrors(pageName);
		assertAccessible(pageName);
	}

	/**
	 * Runs axe-core on the page shown and fails with a readable list of the WCAG A/AA violations
	 * (rule, impact, what to fix and where), if any.
	 */
	public void assertAccessible(String pageName) {
		Object response = this.driver.executeAsyncScript(AXE_RUN, AXE_CONTEXT, AXE_OPTIONS);
		if (response instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("missing"))) {
			// a document axe-core was not added to (none is expected): once by hand
			this.driver.executeScript(AxeScript.SOURCE);
			response = this.driver.executeAsyncScript(AXE_RUN, AXE_CONTEXT, AXE_OPTIONS);
		}
		if (!(response instanceof Map<?, ?> map) || map.get("error") != null || !(map.get("violations") instanceof List)) {
			throw new AssertionError("axe-core could not check " + pageName + ": " + response);
		}
		List<Rule> violations = JSON.convertValue(response, Results.class).getViolations();
		if (!violations.isEmpty()) {
			throw new AssertionError(describe(pageName, path(), violations));
		}
	}

	/**
	 * Runs axe-core ({@code axe.run}, already in the page: see {@link #start}) with the context and options given
	 * as JSON, and hands back its violations, or what went wrong.
	 */
	private static final String AXE_RUN = """
			var context = JSON.parse(arguments[0]), options = JSON.parse(arguments[1]);
			var callback = arguments[arguments.length - 1];
			if (typeof window.axe === 'undefined') { callback({missing: true}); return; }
			window.axe.run(context, options).then(
			    function (results) { callback({violations: JSON.parse(JSON.stringify(results.violations))}); },
			    function (error) { callback({error: String((error && error.message) || error)}); });
			""";

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * What axe-core checks ({@code axe.run}'s context): the page but {@link #ROWS_NOT_CHECKED}.
	 */
	private static final String AXE_CONTEXT = axeContext();

	/**
	 * How: the WCAG A/AA rules ({@link #WCAG_TAGS}), asked for their violations in full but for only one example
	 * each of the rules passed, inapplicable or left to a person ({@code resultTypes}): every rule still runs on
	 * every element checked, but a long page no longer sends back megabytes listing every cell that passed.
	 * <p>
	 * axe-core runs in one go ({@code axe.run}), as the Selenium library's "legacy" mode did, and is not sent to
	 * the page by each check: Chromium adds it to every document ({@link #start}). The library's own
	 * {@code AxeBuilder.analyze} uploaded its 560 kB twice per check (plus five round trips) before running it,
	 * which cost more than the check itself; its default mode even opened a blank tab to inject it a third time.
	 * The portal has no frames, so the frame handling those did is not needed.
	 */
	private static final String AXE_OPTIONS = axeOptions();

	private static String axeContext() {
		AxeRunContext context = new AxeRunContext();
		context.setExclude(List.of(ROWS_NOT_CHECKED));
		return AxeReporter.serialize(context);
	}

	private static String axeOptions() {
		AxeRunOnlyOptions only = new AxeRunOnlyOptions();
		only.setType("tag");
		only.setValues(WCAG_TAGS);
		AxeRunOptions options = new AxeRunOptions();
		options.setRunOnly(only);
		options.setResultTypes(List.of("violations"));
		return AxeReporter.serialize(options);
	}

	/** axe-core's script, from the axe-core jar, read on first use. */
	private static final class AxeScript {

		static final String SOURCE = read();

		private static String read() {
			try {
				return new EmbeddedResourceAxeProvider().getScript();
			}
			catch (IOException | javax.naming.OperationNotSupportedException ex) {
				throw new IllegalStateException("axe-core's script could not be read from its jar", ex);
			}
		}

	}

	static String describe(String pageName, String path, List<Rule> violations) {
		StringBuilder text = new StringBuilder().append(violations.size())
			.append(" accessibility rule(s) violated on ")
			.append(pageName)
			.append(" (")
			.append(path)
			.append("):");
		for (Rule rule : violations) {
			text.append("\n- ")
				.append(rule.getId())
				.append(" [")
				.append(rule.getImpact())
				.append("] ")
				.append(rule.getHelp())
				.append(" (")
				.append(rule.getHelpUrl())
				.append(")");
			for (CheckedNode node : rule.getNodes()) {
				text.append("\n    at ").append(node.getTarget()).append(": ").append(node.getHtml());
				String summary = node.getFailureSummary();
				if (summary != null) {
					text.append("\n       ").append(summary.replace("\n", "\n       "));
				}
			}
		}
		return text.toString();
	}

	/**
	 * Shows pages in a viewport of this size, as a phone (375 px) or a laptop (1366 px) would, whatever the
	 * window's size (Chromium's device metrics). Until {@link #windowViewport()}.
	 */
	public Browser viewport(int width, int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
		return this;
	}

	/** Back to the window's own viewport. */
	public Browser windowViewport() {
		this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		return this;
	}

	/**
	 * What makes the page shown wider than its viewport: empty when it fits (nothing to scroll sideways, on the
	 * page or inside a scrolling table container); else a line per culprit with its width.
	 */
	public List<String> overflow() {
		Object found = this.driver.executeScript("""
				const out = [];
				const width = document.documentElement.clientWidth;
				if (document.documentElement.scrollWidth > width) {
				  out.push('the page: ' + document.documentElement.scrollWidth + ' px wide in ' + width + ' px');
				  document.querySelectorAll('body *').forEach((e) => {
				    const r = e.getBoundingClientRect();
				    if (r.right > width + 1 && e.children.length === 0 && out.length < 8) {
				      out.push('  ' + e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ' ends at ' + Math.round(r.right) + ' px');
				    }
				  });
				}
				document.querySelectorAll('.table-responsive').forEach((e) => {
				  if (e.scrollWidth > e.clientWidth + 1) {
				    out.push('a table scrolled sideways: ' + e.scrollWidth + ' px in ' + e.clientWidth + ' px ('
				        + (e.querySelector('caption') ? e.querySelector('caption').textContent.trim() : '') + ')');
				  }
				});
				return out;
				""");
		List<String> lines = new java.util.ArrayList<>();
		if (found instanceof List<?> list) {
			list.forEach((line) -> lines.add(String.valueOf(line)));
		}
		return lines;
	}

	/** Saves a PNG of the whole page (up to 8000 px high) as {@code target/screenshots/<name>.png}. */
	public Path screenshot(String name) {
		// The whole page, not only the viewport: Chromium draws it beyond the viewport (up to 8000 px high) in one
		// call, without resizing the window or the viewport (which made the page lay itself out twice more).
		// That costs about four times a photograph of the viewport (screenshotOfViewport).
		Object size = this.driver.executeScript(
				"return [window.innerWidth, Math.max(document.documentElement.scrollHeight, window.innerHeight)]");
		List<?> widthAndHeight = (size instanceof List<?> list) ? list : List.of(1280, 1024);
		int width = ((Number) widthAndHeight.get(0)).intValue();
		int height = Math.min(((Number) widthAndHeight.get(1)).intValue(), 8000);
		return save(name, this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "optimizeForSpeed", true, "clip",
						Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1))));
	}

	/**
	 * Saves a PNG of what the viewport shows (the top of the page: header, navigation, heading and what follows, as
	 * a reader first sees it) as {@code target/screenshots/<name>.png}.
	 */
	public Path screenshotOfViewport(String name) {
		return save(name, this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "optimizeForSpeed", true)));
	}

	private static Path save(String name, Map<String, Object> shot) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a temporary folder; the system cleans it eventually
		}
	}

}
