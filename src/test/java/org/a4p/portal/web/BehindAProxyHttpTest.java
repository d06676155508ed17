package org.a4p.portal.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal as run behind a TLS-ending proxy: the proxy's address named as trusted
 * ({@code server.tomcat.remoteip.internal-proxies}, here the loopback one the test connects from) and
 * {@code portal.https=true}. Its forwarded host and scheme make the redirects, its request id is kept,
 * every response carries Strict-Transport-Security and the session cookie is {@code Secure}. (The
 * defaults, no proxy trusted and no HTTPS: {@link ErrorPagesAndSessionHttpTest}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1", "portal.https=true" })
class BehindAProxyHttpTest {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theTrustedProxysHostAndSchemeMakeTheRedirects() throws Exception {
		HttpResponse<String> redirect = get("/account", "X-Forwarded-Host", "portal.example", "X-Forwarded-Proto",
				"https", "X-Forwarded-Port", "443");
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location")).hasValue("https://portal.example/login");
	}

	@Test
	void theTrustedProxysRequestIdIsKept() throws Exception {
		HttpResponse<String> page = get("/no-such-page", "X-Request-Id", "edge-7f3a.1", "X-Forwarded-For", "192.0.2.1");
		assertThat(page.headers().firstValue("X-Request-Id")).hasValue("edge-7f3a.1");
		assertThat(page.body()).contains("edge-7f3a.1");
		HttpResponse<String> odd = get("/no-such-page", "X-Request-Id", "not an id; <b>", "X-Forwarded-For",
				"192.0.2.1");
		assertThat(odd.headers().firstValue("X-Request-Id")).isPresent().get().isNotEqualTo("not an id; <b>");
	}

	@Test
	void everyResponseSaysHttpsOnlyAndTheSessionCookieIsSecure() throws Exception {
		for (String path : new String[] { "/", "/login", "/no-such-page" }) {
			assertThat(get(path).headers().firstValue("Strict-Transport-Security")).as(path)
				.hasValue("max-age=31536000");
		}
		assertThat(get("/login").headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("SESSION=").contains("; Secure"));
	}

}
