package org.a4p.portal.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import org.a4p.portal.account.PortalUser;
import org.a4p.portal.account.Role;
import org.a4p.portal.support.HtmlChecker;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.TestUsers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Who may reach what (product brief section 5), route by route: every row of every
 * {@code src/test/resources/access-matrix/*.csv} is requested as each of five personas and must give
 * the expected outcome, and every controller route of the portal must have at least one row. A
 * feature adds its routes by adding its own CSV (and, if it needs ids, a
 * {@code <feature>-placeholders.properties}); this class need not change. The format is described at
 * the top of {@code access-matrix/accounts.csv}.
 * <p>
 * The same rows give the pages whose HTML must be valid ({@link #everyPageIsValidHtmlInEnglishAndArabic}).
 * <p>
 * Everything runs in one transaction rolled back at the end; each request also runs inside a
 * savepoint rolled back after it (and the JPA context is cleared), so a write by one row, even a
 * failed one, cannot change the outcome of the next.
 */
@PortalTest
@Transactional
class AccessMatrixTest {

	static final List<String> PERSONAS = List.of("anonymous", "delegate_x", "delegate_y", "secretariat", "admin");

	static final List<String> COLUMNS = List.of("method", "pattern", "example_path", "anonymous", "delegate_x",
			"delegate_y", "secretariat", "admin");

	/** Routes answered by Spring Security's filters, not by a controller: their rows are always checked. */
	static final Set<Route> FILTER_ROUTES = Set.of(new Route("POST", "/login"), new Route("POST", "/logout"));

	static final Pattern OUTCOME = Pattern.compile("ok|login|[1-5][0-9][0-9]");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

	/** A method and a path pattern; variables are compared without their names ({@code /a/{x}} = {@code /a/{y}}). */
	record Route(String method, String pattern) {

		Route {
			pattern = normalize(pattern);
		}

		static String normalize(String pattern) {
			StringBuilder out = new StringBuilder();
			int depth = 0;
			for (char c : pattern.toCharArray()) {
				if (c == '{') {
					if (depth++ == 0) {
						out.append("{*}");
					}
				}
				else if (c == '}') {
					depth--;
				}
				else if (depth == 0) {
					out.append(c);
				}
			}
			return out.toString();
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	/** One line of a CSV. */
	record Row(String where, Route route, String examplePath, Map<String, String> expected) {
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Autowired
	DataSource dataSource;

	@Autowired
	EntityManager entityManager;

	/** The Nu Html Checker takes seconds to set up: one for the class's tests. */
	private static @Nullable HtmlChecker htmlChecker;

	final Map<String, @Nullable PortalUser> personas = new LinkedHashMap<>();

	final Map<String, String> placeholders = new LinkedHashMap<>();

	@BeforeEach
	void fixtureUsersAndPlaceholders() throws IOException {
		TestUsers users = new TestUsers(this.jdbc, this.userDetails);
		long x = users.insert("matrix-delegate-x", Role.DELEGATE, "PAK", TestUsers.NO_PASSWORD);
		long y = users.insert("matrix-delegate-y", Role.DELEGATE, "PHL", TestUsers.NO_PASSWORD);
		long secretariat = users.insert("matrix-secretariat", Role.SECRETARIAT, null, TestUsers.NO_PASSWORD);
		long admin = users.insert("matrix-admin", Role.ADMIN, null, TestUsers.NO_PASSWORD);
		long target = users.insert("matrix-target", Role.SECRETARIAT, null, TestUsers.NO_PASSWORD);
		this.personas.put("anonymous", null);
		this.personas.put("delegate_x", users.load("matrix-delegate-x"));
		this.personas.put("delegate_y", users.load("matrix-delegate-y"));
		this.personas.put("secretariat", users.load("matrix-secretariat"));
		this.personas.put("admin", users.load("matrix-admin"));

		this.placeholders.put("xState", "PAK");
		this.placeholders.put("yState", "PHL");
		this.placeholders.put("xStateId", stakeholderId("PAK"));
		this.placeholders.put("yStateId", stakeholderId("PHL"));
		this.placeholders.put("xDelegateId", String.valueOf(x));
		this.placeholders.put("yDelegateId", String.valueOf(y));
		this.placeholders.put("secretariatId", String.valueOf(secretariat));
		this.placeholders.put("adminId", String.valueOf(admin));
		this.placeholders.put("userId", String.valueOf(target));
		this.placeholders.put("endorsementId", this.jdbc.sql("select e.id from endorsement e join stakeholder s on "
				+ "s.id = e.stakeholder_id where s.code = 'PAK' and e.withdrawn_on is null").query(String.class).single());
		this.jdbc.sql("select id, code from reporting_cycle order by (state = 'OPEN') desc, period_start desc, id desc limit 1")
			.query((rs) -> {
				this.placeholders.put("cycleId", rs.getString("id"));
				this.placeholders.put("cycleCode", rs.getString("code"));
			});
		for (Resource file : resources("classpath*:access-matrix/*-placeholders.properties")) {
			readPlaceholders(file);
		}
	}

	private String stakeholderId(String code) {
		return this.jdbc.sql("select id from stakeholder where code = ?").param(code).query(String.class).single();
	}

	/** {@code name=SQL} lines, in order; the SQL may use earlier placeholders and must return one value. */
	private void readPlaceholders(Resource file) throws IOException {
		String text = file.getContentAsString(StandardCharsets.UTF_8);
		int lineNumber = 0;
		for (String line : text.split("\\R")) {
			lineNumber++;
			String trimmed = line.trim();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			String where = file.getFilename() + ":" + lineNumber;
			int eq = trimmed.indexOf('=');
			assertThat(eq).as(where + ": expected name=SQL").isPositive();
			String name = trimmed.substring(0, eq).trim();
			assertThat(name).as(where + ": placeholder name").matches("[A-Za-z][A-Za-z0-9_]*");
			assertThat(this.placeholders).as(where + ": placeholder {" + name + "} defined twice").doesNotContainKey(name);
			String sql = substitute(trimmed.substring(eq + 1).trim(), where);
			List<String> values = this.jdbc.sql(sql).query((rs, n) -> rs.getString(1)).list();
			assertThat(values).as(where + ": {" + name + "} = " + sql + " must return exactly one value").hasSize(1);
			this.placeholders.put(name, values.get(0));
		}
	}

	private String substitute(String text, String where) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = this.placeholders.get(matcher.group(1));
			assertThat(value).as(where + ": unknown placeholder {" + matcher.group(1) + "}; known: "
					+ this.placeholders.keySet()).isNotNull();
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static List<Resource> resources(String pattern) throws IOException {
		return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(pattern))
			.sorted(Comparator.comparing(Resource::getFilename))
			.toList();
	}

	static List<Row> rows() throws IOException {
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setCommentMarker('#')
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.get();
		List<Row> rows = new ArrayList<>();
		List<Resource> files = resources("classpath*:access-matrix/*.csv");
		assertThat(files).as("access-matrix CSV files").isNotEmpty();
		for (Resource file : files) {
			try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
					var parser = format.parse(reader)) {
				assertThat(parser.getHeaderNames()).as(file.getFilename() + " columns").isEqualTo(COLUMNS);
				for (CSVRecord record : parser) {
					String where = file.getFilename() + ":" + parser.getCurrentLineNumber();
					assertThat(record.isConsistent()).as(where + ": " + COLUMNS.size() + " columns").isTrue();
					String method = record.get("method").toUpperCase();
					assertThat(method).as(where + ": method").isIn("GET", "POST", "PUT", "PATCH", "DELETE");
					assertThat(record.get("pattern")).as(where + ": pattern").startsWith("/");
					assertThat(record.get("example_path")).as(where + ": example path").startsWith("/");
					Map<String, String> expected = new LinkedHashMap<>();
					for (String persona : PERSONAS) {
						String outcome = record.get(persona);
						assertThat(outcome).as(where + ": outcome for " + persona + " (ok, login or a status code)")
							.matches(OUTCOME);
						expected.put(persona, outcome);
					}
					rows.add(new Row(where, new Route(method, record.get("pattern")), record.get("example_path"),
							expected));
				}
			}
		}
		return rows;
	}

	/** Every route of a controller of the portal, all methods (none declared: GET and POST) by all patterns. */
	private Set<Route> controllerRoutes() {
		Set<Route> routes = new TreeSet<>(Comparator.comparing(Route::pattern).thenComparing(Route::method));
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.handlerMapping.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("org.a4p.portal")) {
				continue;
			}
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			List<String> names = methods.isEmpty() ? List.of("GET", "POST")
					: methods.stream().map(RequestMethod::name).toList();
			for (String pattern : entry.getKey().getPatternValues()) {
				for (String method : names) {
					routes.add(new Route(method, pattern));
				}
			}
		}
		return routes;
	}

	@Test
	void everyControllerRouteHasARow() throws IOException {
		Set<Route> listed = new java.util.HashSet<>();
		rows().forEach((row) -> listed.add(row.route()));
		Set<Route> routes = controllerRoutes();
		assertThat(routes).as("controller routes found").isNotEmpty();
		assertThat(routes.stream().filter((route) -> !listed.contains(route)).toList())
			.as("routes without a row in src/test/resources/access-matrix/*.csv").isEmpty();
	}

	@Test
	void everyPersonaGetsTheExpectedOutcomeOnEveryRoute() throws Exception {
		Set<Route> live = new java.util.HashSet<>(controllerRoutes());
		live.addAll(FILTER_ROUTES);
		List<String> failures = new ArrayList<>();
		List<String> pending = new ArrayList<>();
		int checked = 0;
		for (Row row : rows()) {
			if (!live.contains(row.route())) {
				pending.add(row.where() + " " + row.route());
				continue;
			}
			String path = substitute(row.examplePath(), row.where());
			for (String persona : PERSONAS) {
				String expected = row.expected().get(persona);
				MvcTestResult result = request(row.route().method(), path, this.personas.get(persona));
				checked++;
				if (!matches(expected, result)) {
					failures.add(row.where() + " " + row.route().method() + " " + path + " as " + persona + ": expected "
							+ expected + ", got " + describe(result));
				}
			}
		}
		if (!pending.isEmpty()) {
			System.out.println("Access matrix: rows for routes not (yet) served, not checked: " + pending);
		}
		assertThat(checked).as("requests checked").isPositive();
		assertThat(failures).as("access-matrix mismatches").isEmpty();
		// Each request was rolled back: the administrators' actions on {userId} left nothing behind.
		assertThat(this.jdbc.sql("select enabled and not password_change_required from app_user where id = ?")
			.param(Long.parseLong(this.placeholders.get("userId")))
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from audit_event where entity_type = 'user' and entity_id = ?")
			.param(this.placeholders.get("userId"))
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * PostgreSQL cannot store U+0000 in text: a NUL in any query parameter or form field, on any route,
	 * as anyone, is a 400 (a page saying why: {@code RequestChecks}), never a 500. The query parameters
	 * are those of the portal's lists and filters; POSTs carry the form fields of the portal's forms.
	 */
	@Test
	void aNulCharacterInAnyParameterIsABadRequestOnEveryRouteForEveryone() throws Exception {
		Set<Route> live = new java.util.HashSet<>(controllerRoutes());
		live.addAll(FILTER_ROUTES);
		String query = "q=%00&cycle=%00&state=%00&kind=%00&action=%00&actor=%00&entity=%00&page=%00";
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Row row : rows()) {
			if (!live.contains(row.route())) {
				continue;
			}
			String path = substitute(row.examplePath(), row.where());
			for (String persona : PERSONAS) {
				String method = row.route().method();
				MvcTestResult inQuery = request(method, path + (path.contains("?") ? "&" : "?") + query,
						this.personas.get(persona), Map.of(), "en");
				checked++;
				if (inQuery.getUnresolvedException() != null || inQuery.getResponse().getStatus() != 400) {
					failures.add(row.where() + " " + method + " " + path + "?…%00 as " + persona + ": " + describe(inQuery));
				}
				if (!method.equals("GET")) {
					MvcTestResult inForm = request(method, path, this.personas.get(persona),
							Map.of("note", "a note\u0000", "source", "https://example.org/\u0000", "reason", "\u0000",
									"code", "C\u0000", "username", "nul\u0000"), "en");
					checked++;
					if (inForm.getUnresolvedException() != null || inForm.getResponse().getStatus() != 400) {
						failures.add(row.where() + " " + method + " " + path + " form with U+0000 as " + persona + ": "
								+ describe(inForm));
					}
				}
			}
		}
		assertThat(checked).as("requests checked").isGreaterThan(300);
		assertThat(failures).as("routes that did not answer 400 to a NUL").isEmpty();
	}

	@Test
	void featurePlaceholdersAreRunInOrderAndMayUseEarlierOnes() throws IOException {
		String file = "# a comment\n"
				+ "stateName=select name_en from stakeholder where code = '{xState}'\n"
				+ "\n"
				+ "shout=select upper('{stateName}') || '-{cycleCode}'\n";
		readPlaceholders(new org.springframework.core.io.ByteArrayResource(file.getBytes(StandardCharsets.UTF_8)));
		String cycle = this.placeholders.get("cycleCode");
		assertThat(this.placeholders).containsEntry("stateName", "Pakistan").containsEntry("shout", "PAKISTAN-" + cycle);
		assertThat(substitute("/stakeholders/{xState}/{shout}", "test")).isEqualTo("/stakeholders/PAK/PAKISTAN-" + cycle);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> substitute("/x/{nobodyDefinedThis}", "test"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("unknown placeholder {nobodyDefinedThis}");
	}

	/**
	 * Every page the matrix reaches is valid HTML (the Nu Html Checker: no error; warnings allowed), in English
	 * and in Arabic (right to left): each GET row as the first persona it lets in and, where it lets them in
	 * too, an administrator (whose pages carry more links); each error page (403, 404…) once per status.
	 */
	@Test
	void everyPageIsValidHtmlInEnglishAndArabic() throws Exception {
		HtmlChecker checker = htmlChecker();
		Set<Route> live = controllerRoutes();
		Set<String> errorStatuses = new java.util.HashSet<>();
		List<String> failures = new ArrayList<>();
		Map<String, Integer> checked = new LinkedHashMap<>();
		for (Row row : rows()) {
			if (!row.route().method().equals("GET") || !live.contains(row.route())) {
				continue;
			}
			String path = substitute(row.examplePath(), row.where());
			Set<String> personas = new java.util.LinkedHashSet<>();
			PERSONAS.stream().filter((p) -> "ok".equals(row.expected().get(p))).findFirst().ifPresent(personas::add);
			if ("ok".equals(row.expected().get("admin"))) {
				personas.add("admin");
			}
			for (String persona : PERSONAS) {
				String expected = row.expected().get(persona);
				if (expected.matches("[45][0-9][0-9]") && errorStatuses.add(expected)) {
					personas.add(persona);
				}
			}
			for (String language : List.of("en", "ar")) {
				for (String persona : personas) {
					MockHttpServletResponse response = request("GET", path, this.personas.get(persona), Map.of(), language)
						.getResponse();
					String type = response.getContentType();
					if (type == null || !type.startsWith("text/html")) {
						continue;
					}
					checked.merge(language, 1, Integer::sum);
					List<HtmlChecker.Problem> errors = checker.errors(response.getContentAsString(StandardCharsets.UTF_8));
					if (!errors.isEmpty()) {
						failures.add(row.where() + " GET " + path + " as " + persona + " in " + language + ":\n    "
								+ String.join("\n    ", errors.stream().map(HtmlChecker.Problem::toString).toList()));
					}
				}
			}
		}
		System.out.println("Nu Html Checker: pages checked by language " + checked);
		assertThat(checked.getOrDefault("en", 0)).as("English pages checked").isGreaterThan(40);
		assertThat(checked.get("ar")).as("Arabic pages checked").isEqualTo(checked.get("en"));
		assertThat(failures).as("pages with HTML errors").isEmpty();
	}

	@Test
	void theHtmlCheckerFindsErrors() {
		HtmlChecker checker = htmlChecker();
		String valid = "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><title>t</title></head><body><p id=\"a\">x</p></body></html>";
		assertThat(checker.errors(valid)).isEmpty();
		assertThat(checker.errors(valid.replace("<p id=\"a\">x</p>", "<p id=\"a\">x</p><p id=\"a\">y</p><div foo=\"1\"></div>")))
			.extracting(HtmlChecker.Problem::message)
			.anySatisfy((m) -> assertThat(m).contains("Duplicate ID"))
			.anySatisfy((m) -> assertThat(m).contains("Attribute “foo” not allowed"));
	}

	private static HtmlChecker htmlChecker() {
		if (htmlChecker == null) {
			htmlChecker = new HtmlChecker();
		}
		return htmlChecker;
	}

	/** One request inside a savepoint, rolled back after it. */
	private MvcTestResult request(String method, String path, @Nullable PortalUser persona) throws SQLException {
		return request(method, path, persona, Map.of(), "en");
	}

	/** The same, with form fields (sent urlencoded, as a browser does), in a language (Accept-Language). */
	private MvcTestResult request(String method, String path, @Nullable PortalUser persona, Map<String, String> form,
			String language)
			throws SQLException {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		Savepoint savepoint = connection.setSavepoint();
		try {
			// A URI, not a template, when the path is already encoded (a template would encode %00 as %2500).
			var request = (path.contains("%") ? this.mvc.method(HttpMethod.valueOf(method)).uri(URI.create(path))
					: this.mvc.method(HttpMethod.valueOf(method)).uri(path))
				.header("Accept-Language", language);
			if (persona != null) {
				request.with(user(persona));
			}
			if (!method.equals("GET")) {
				request.with(csrf());
			}
			if (!form.isEmpty()) {
				request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
				form.forEach(request::param);
			}
			return request.exchange();
		}
		finally {
			this.entityManager.clear();
			connection.rollback(savepoint);
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	static boolean isSignInRedirect(MockHttpServletResponse response) {
		String location = response.getRedirectedUrl();
		return response.getStatus() >= 300 && response.getStatus() < 400 && location != null
				&& "/login".equals(URI.create(location).getPath());
	}

	static boolean matches(String expected, MvcTestResult result) {
		if (result.getUnresolvedException() != null) {
			return false;
		}
		MockHttpServletResponse response = result.getResponse();
		int status = response.getStatus();
		return switch (expected) {
			case "ok" -> status < 500 && status != 401 && status != 403 && status != 404 && !isSignInRedirect(response);
			case "login" -> isSignInRedirect(response);
			default -> status == Integer.parseInt(expected);
		};
	}

	static String describe(MvcTestResult result) {
		if (result.getUnresolvedException() != null) {
			return "exception " + result.getUnresolvedException();
		}
		MockHttpServletResponse response = result.getResponse();
		String location = response.getRedirectedUrl();
		return response.getStatus() + ((location != null) ? " -> " + location : "");
	}

}
