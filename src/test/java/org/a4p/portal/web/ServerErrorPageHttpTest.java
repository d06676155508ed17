package org.a4p.portal.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that fails inside the portal gets the general {@code error} page (there is no
 * {@code error/5xx} template: Boot falls back to {@code error}), with status 500, in the reader's
 * language, with the layout, and without the exception's text. Over real HTTP, because MockMvc does
 * not forward to error pages; a test-only page that fails is added, so this class has its own
 * Spring context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ServerErrorPageHttpTest {

	static final String SECRET = "a detail the reader must not see";

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void theErrorPageShowsTheRequestIdThatTheLogLinesOfTheFailureCarry(CapturedOutput output) throws Exception {
		HttpResponse<String> failed = get("en");
		String id = failed.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(Jsoup.parse(failed.body()).select(".request-reference").text())
			.isEqualTo("Reference: " + id + ". If you report this problem, quote it.");
		// Logged by Tomcat once the request has failed: the id is still in the MDC (a valve, not a filter, sets it).
		assertThat(output.getAll().lines().filter((line) -> line.contains(" ERROR ") && line.contains(SECRET)))
			.as("the failure's log line").isNotEmpty().allSatisfy((line) -> assertThat(line).contains("[" + id + "]"));
	}

	@Test
	void aFailureShowsTheErrorPageInTheReadersLanguageWithoutItsDetails() throws Exception {
		HttpResponse<String> en = get("en");
		assertThat(en.statusCode()).isEqualTo(500);
		assertThat(en.headers().firstValue("Content-Type")).hasValueSatisfying((t) -> assertThat(t).startsWith("text/html"));
		Document page = Jsoup.parse(en.body());
		assertThat(page.select("html").attr("lang")).isEqualTo("en");
		assertThat(page.title()).isEqualTo("Something went wrong – A4P commitments portal");
		assertThat(page.select("h1")).hasSize(1);
		assertThat(page.select("h1").text()).isEqualTo("Sorry, something went wrong");
		assertThat(page.select("main#main").text()).contains("Status 500");
		assertThat(page.select(".language-switch a[hreflang=zh]")).as("the layout, with its language switch").isNotEmpty();
		assertThat(en.body()).doesNotContain(SECRET)
			.doesNotContain("IllegalStateException")
			.doesNotContain("at org.")
			.doesNotContainIgnoringCase("trace")
			.doesNotContain("Whitelabel");

		HttpResponse<String> zh = get("zh-CN");
		assertThat(zh.statusCode()).isEqualTo(500);
		Document chinese = Jsoup.parse(zh.body());
		assertThat(chinese.select("html").attr("lang")).isEqualTo("zh");
		assertThat(chinese.select("h1").text()).isEqualTo("抱歉，出现错误");
		assertThat(zh.body()).doesNotContain(SECRET);
	}

	private HttpResponse<String> get(String language) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/test/failure"))
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.header("Accept-Language", language)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FailingPage {

		@Bean
		FailingController failingController() {
			return new FailingController();
		}

	}

	/** A page that fails as a bug would: an unexpected exception. */
	@Controller
	static class FailingController {

		@GetMapping("/test/failure")
		String fail() {
			throw new IllegalStateException(SECRET);
		}

	}

}
