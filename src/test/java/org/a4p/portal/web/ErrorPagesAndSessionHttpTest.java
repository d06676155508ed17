package org.a4p.portal.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.ServletContext;
import org.a4p.portal.account.Role;
import org.a4p.portal.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP on the embedded Tomcat, because MockMvc does not forward to error pages: the 403,
 * 404 and 405 pages in English and Chinese with no exception text, and the servlet session settings.
 * The one user is committed and deleted afterwards. The 500 page: {@link ServerErrorPageHttpTest}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorPagesAndSessionHttpTest {

	static final String PASSWORD = "a delegate passphrase";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	ServletContext servletContext;

	long userId;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/** Cookies of this browser session, by name. */
	final Map<String, String> cookies = new LinkedHashMap<>();

	@BeforeEach
	void aDelegate() {
		this.userId = new TestUsers(this.jdbc).insert("http-delegate", Role.DELEGATE, "PAK",
				this.passwordEncoder.encode(PASSWORD));
	}

	@AfterEach
	void deleteTheDelegate() {
		this.jdbc.sql("delete from audit_event where entity_type = 'user' and entity_id = ?")
			.param(String.valueOf(this.userId))
			.update();
		this.jdbc.sql("delete from app_user where id = ?").param(this.userId).update();
	}

	private HttpResponse<String> send(String method, String path, String language, Map<String, String> form)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.header("Accept-Language", language);
		if (!this.cookies.isEmpty()) {
			request.header("Cookie", this.cookies.entrySet()
				.stream()
				.map((c) -> c.getKey() + "=" + c.getValue())
				.collect(Collectors.joining("; ")));
		}
		if (method.equals("POST")) {
			String body = form.entrySet()
				.stream()
				.map((f) -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body));
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (String setCookie : response.headers().allValues("Set-Cookie")) {
			String pair = setCookie.split(";", 2)[0];
			this.cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}
		return response;
	}

	private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
		return send("GET", path, language, Map.of());
	}

	private static String csrfToken(HttpResponse<String> page) {
		return Jsoup.parse(page.body()).select("input[name=_csrf]").first().attr("value");
	}

	private void signIn() throws IOException, InterruptedException {
		HttpResponse<String> login = get("/login", "en");
		HttpResponse<String> signedIn = send("POST", "/login", "en",
				Map.of("username", "http-delegate", "password", PASSWORD, "_csrf", csrfToken(login)));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/my"));
	}

	/** The page's one h1, after checking that it tells nothing about the server's insides. */
	private static String errorHeading(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((t) -> assertThat(t).startsWith("text/html"));
		Document doc = Jsoup.parse(response.body());
		assertThat(doc.select("h1")).hasSize(1);
		assertThat(doc.select("main#main")).hasSize(1);
		assertThat(response.body()).doesNotContain("Exception")
			.doesNotContain("at org.")
			.doesNotContain("java.")
			.doesNotContainIgnoringCase("stack")
			.doesNotContainIgnoringCase("trace")
			.doesNotContain("Whitelabel");
		return doc.select("h1").text();
	}

	@Test
	void notFoundInEnglishAndChinese() throws Exception {
		assertThat(errorHeading(get("/no-such-page", "en"), 404)).isEqualTo("Page not found");
		Document zh = Jsoup.parse(get("/no-such-page", "zh-CN").body());
		assertThat(zh.select("html").attr("lang")).isEqualTo("zh");
		assertThat(errorHeading(get("/no-such-page", "zh-CN"), 404)).isEqualTo("未找到页面");
	}

	@Test
	void forbiddenInEnglishAndChinese() throws Exception {
		signIn();
		assertThat(errorHeading(get("/admin/users", "en"), 403)).isEqualTo("You do not have access to this page");
		assertThat(errorHeading(get("/admin/users", "zh"), 403)).isEqualTo("您无权访问此页面");
	}

	@Test
	void aPostWithoutCsrfTokenGetsTheForbiddenPage() throws Exception {
		assertThat(errorHeading(send("POST", "/admin/users", "en", Map.of("username", "x")), 403))
			.isEqualTo("You do not have access to this page");
	}

	@Test
	void methodNotAllowedInEnglishAndChinese() throws Exception {
		signIn();
		String token = csrfToken(get("/account", "en"));
		assertThat(errorHeading(send("POST", "/my", "en", Map.of("_csrf", token)), 405))
			.isEqualTo("This action is not allowed here");
		assertThat(errorHeading(send("POST", "/my", "zh", Map.of("_csrf", token)), 405)).isEqualTo("此处不允许此操作");
	}

	@Test
	void aNulCharacterInAQueryIsABadRequestThatSaysWhyInTheReadersLanguage() throws Exception {
		HttpResponse<String> en = get("/entries?cycle=%00", "en");
		assertThat(errorHeading(en, 400)).isEqualTo("The portal could not read this request");
		assertThat(Jsoup.parse(en.body()).select("main#main").text()).contains("null character (U+0000)");
		HttpResponse<String> zh = get("/stakeholders?kind=MEMBER_STATE%00", "zh");
		assertThat(errorHeading(zh, 400)).isEqualTo("门户无法读取此请求");
		assertThat(zh.body()).contains("空字符（U+0000）");
	}

	@Test
	void errorAskedForDirectlyIsNotAPage() throws Exception {
		assertThat(errorHeading(get("/error", "en"), 404)).isEqualTo("Page not found");
	}

	@Test
	void everyResponseHasARequestIdThatErrorPagesShowAsTheirReference() throws Exception {
		HttpResponse<String> page = get("/", "en");
		assertThat(page.headers().firstValue("X-Request-Id")).hasValueSatisfying((id) -> assertThat(id).matches("[a-z0-9]+-[a-z0-9]+"));
		assertThat(page.body()).doesNotContain("Reference:");
		HttpResponse<String> missing = send("GET", "/no-such-page", "en", Map.of());
		String id = missing.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(id).isNotEqualTo(page.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(Jsoup.parse(missing.body()).select(".request-reference").text()).contains("Reference: " + id);
		// A client's own id is not believed: only a trusted proxy's (none is configured here).
		HttpRequest spoofed = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/no-such-page"))
			.header("X-Request-Id", "chosen-by-the-client")
			.build();
		HttpResponse<String> answer = this.http.send(spoofed, HttpResponse.BodyHandlers.ofString());
		assertThat(answer.headers().firstValue("X-Request-Id")).isPresent().get().isNotEqualTo("chosen-by-the-client");
	}

	@Test
	void forwardedHeadersFromAClientDoNotChangeRedirectsAndPlainHttpGetsNoHsts() throws Exception {
		HttpRequest forged = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/account"))
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Port", "443")
			.build();
		HttpResponse<String> redirect = this.http.send(forged, HttpResponse.BodyHandlers.ofString());
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location")).hasValue("http://localhost:" + this.port + "/login");
		assertThat(redirect.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(get("/login", "en").headers().allValues("Set-Cookie"))
			.allSatisfy((cookie) -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
	}

	@Test
	void theSessionCookieIsHttpOnlyAndLaxTheSessionLastsThirtyMinutesAndThereIsNoRememberMe() throws Exception {
		HttpResponse<String> login = get("/login", "en");
		List<String> setCookies = login.headers().allValues("Set-Cookie");
		assertThat(setCookies).anySatisfy((c) -> assertThat(c).startsWith("SESSION=")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax"));
		String before = this.cookies.get("SESSION");
		HttpResponse<String> signedIn = send("POST", "/login", "en",
				Map.of("username", "http-delegate", "password", PASSWORD, "_csrf", csrfToken(login), "remember-me", "on"));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(this.cookies.get("SESSION")).isNotEqualTo(before);
		assertThat(this.cookies.keySet()).containsExactlyInAnyOrder("SESSION");
		assertThat(this.servletContext.getSessionTimeout()).isEqualTo(30);
	}

}
