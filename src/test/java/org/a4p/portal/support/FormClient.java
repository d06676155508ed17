package org.a4p.portal.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without a browser, over real HTTP: keeps its cookies, follows no redirect, signs in
 * through the sign-in form and posts forms with the CSRF token of the page they come from.
 */
public final class FormClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http;

	private final String base;

	public FormClient(int port) {
		this(port, new CookieManager());
	}

	/**
	 * A client of the portal on {@code port} sharing {@code cookies} with other clients: the same browser
	 * talking to another instance of the portal (cookies do not depend on the port).
	 */
	public FormClient(int port, CookieHandler cookies) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Posts {@code fields} to {@code path} with the CSRF token found on {@code pageWithForm}. */
	public HttpResponse<String> post(String path, String pageWithForm, Map<String, String> fields)
			throws IOException, InterruptedException {
		Matcher csrf = CSRF.matcher(pageWithForm);
		assertThat(csrf.find()).as("a CSRF token on the page").isTrue();
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrf.group(1).replace("&#45;", "-"));
		String body = form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** Signs in through the form; fails the test unless the portal accepts. */
	public FormClient signIn(String username, String password) throws IOException, InterruptedException {
		String loginPage = get("/login", Map.of()).body();
		HttpResponse<String> login = post("/login", loginPage, Map.of("username", username, "password", password));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).as("signed in as " + username)
			.doesNotContain("error");
		return this;
	}

}
