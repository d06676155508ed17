package org.a4p.portal.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.PublicContentFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API: every answer validates against the OpenAPI document the portal generates (networknt, OpenAPI 3.1
 * dialect); only validated content appears (a validated entry, a later draft of it, and a submission elsewhere are
 * present); unknown ids and cycles are 404 problems, malformed paging and filters 400 problems, writes 405
 * problems; ETag and 304; CORS for reading; paging links.
 */
@PortalTest
@Transactional
class ApiTest {

	private static final String SPEC = "https://portal.test/api/v1/openapi.json";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	EntryTestSupport t;

	SchemaRegistry schemas;

	@BeforeEach
	void entriesAndSpec() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		PublicContentFixture content = new PublicContentFixture(this.t);
		content.validatedThenRedrafted("PAK", "POL-2", "SUBSTANTIAL", "Validated narrative 巴基斯坦", "Report",
				"https://example.org/report", "COMPLETE", "DRAFT-AFTER-VALIDATION");
		content.submitted("PHL", "POL-2", "COMPLETE", "SUBMITTED-NOT-VALIDATED");
		String spec = body(this.mvc.get().uri("/api/v1/openapi.json").exchange());
		this.schemas = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance(),
				(builder) -> builder.schemas(Map.of(SPEC, spec)));
	}

	@Test
	void theDocumentIsOpenApi31AndDescribesOnlyTheApi() {
		JsonNode spec = this.json.readTree(body(this.mvc.get().uri("/api/v1/openapi.json").exchange()));
		assertThat(spec.get("openapi").asString()).startsWith("3.1");
		List<String> paths = new ArrayList<>(spec.get("paths").propertyNames());
		assertThat(paths).isNotEmpty().allMatch((p) -> p.startsWith("/api/v1/"));
		assertThat(paths).contains("/api/v1/areas", "/api/v1/areas/{code}", "/api/v1/commitments",
				"/api/v1/commitments/{code}", "/api/v1/stakeholders", "/api/v1/stakeholders/{code}",
				"/api/v1/endorsements", "/api/v1/cycles", "/api/v1/cycles/{code}", "/api/v1/figures",
				"/api/v1/entries");
		assertThat(spec.at("/components/schemas/Problem")).isNotNull();
		JsonNode stakeholder = spec.at("/paths/~1api~1v1~1stakeholders~1{code}/get");
		List<String> parameters = new ArrayList<>();
		stakeholder.get("parameters").forEach((p) -> parameters.add(p.get("name").asString()));
		assertThat(parameters).contains("code", "cycle");
		assertThat(stakeholder.at("/responses/404/content/application~1problem+json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/Problem");
	}

	@Test
	void everyAnswerValidatesAgainstTheDocument() {
		String cycle = this.t.cycle;
		List<String[]> calls = List.of(new String[] { "/api/v1/areas", "/api/v1/areas" },
				new String[] { "/api/v1/areas/POL", "/api/v1/areas/{code}" },
				new String[] { "/api/v1/areas/POL?cycle=" + cycle, "/api/v1/areas/{code}" },
				new String[] { "/api/v1/commitments?size=5&page=2", "/api/v1/commitments" },
				new String[] { "/api/v1/commitments?area=POL", "/api/v1/commitments" },
				new String[] { "/api/v1/commitments/POL-2", "/api/v1/commitments/{code}" },
				new String[] { "/api/v1/stakeholders?kind=MEMBER_STATE", "/api/v1/stakeholders" },
				new String[] { "/api/v1/stakeholders/PAK", "/api/v1/stakeholders/{code}" },
				new String[] { "/api/v1/stakeholders/SECRETARIAT", "/api/v1/stakeholders/{code}" },
				new String[] { "/api/v1/endorsements", "/api/v1/endorsements" },
				new String[] { "/api/v1/cycles", "/api/v1/cycles" },
				new String[] { "/api/v1/cycles/" + cycle, "/api/v1/cycles/{code}" },
				new String[] { "/api/v1/figures", "/api/v1/figures" },
				new String[] { "/api/v1/figures?by=stakeholder", "/api/v1/figures" },
				new String[] { "/api/v1/figures?by=commitment&size=100", "/api/v1/figures" },
				new String[] { "/api/v1/entries", "/api/v1/entries" });
		for (String[] call : calls) {
			MvcTestResult result = this.mvc.get().uri(call[0]).header("Accept-Language", "en").exchange();
			assertThat(result.getResponse().getStatus()).as(call[0]).isEqualTo(200);
			assertThat(result.getResponse().getContentType()).as(call[0]).startsWith("application/json");
			assertValid(call[0], body(result), call[1], "200", "application/json");
		}
	}

	@Test
	void onlyValidatedContentAppears() {
		List<String> answers = new ArrayList<>();
		for (String uri : List.of("/api/v1/commitments/POL-2", "/api/v1/stakeholders/PAK", "/api/v1/stakeholders/PHL",
				"/api/v1/entries?size=100", "/api/v1/areas/POL", "/api/v1/figures?by=stakeholder&size=100")) {
			answers.add(body(this.mvc.get().uri(uri).exchange()));
		}
		assertThat(String.join("\n", answers)).doesNotContain("DRAFT-AFTER-VALIDATION")
			.doesNotContain("SUBMITTED-NOT-VALIDATED")
			.contains("Validated narrative 巴基斯坦");
		JsonNode pak = this.json.readTree(answers.get(1));
		JsonNode pol2 = null;
		for (JsonNode c : pak.get("commitments")) {
			if (c.get("code").asString().equals("POL-2")) {
				pol2 = c;
			}
		}
		assertThat(pol2).isNotNull();
		assertThat(pol2.get("status").asString()).isEqualTo("SUBSTANTIAL");
		assertThat(pol2.at("/validated/evidence/0/url").asString()).isEqualTo("https://example.org/report");
		JsonNode phl = this.json.readTree(answers.get(2));
		for (JsonNode c : phl.get("commitments")) {
			if (c.get("code").asString().equals("POL-2")) {
				assertThat(c.get("status").asString()).isEqualTo("NO_EVIDENCE");
				assertThat(c.has("validated")).isFalse();
			}
		}
		JsonNode entries = this.json.readTree(answers.get(3));
		assertThat(entries.get("totalItems").asLong()).isEqualTo(
				this.t.count("select count(*) from public_pair p join reporting_cycle rc on rc.id = p.cycle_id "
						+ "where rc.code = ? and p.validated_at is not null", this.t.cycle));
	}

	@Test
	void theFiguresAreThoseOfTheAreaAnswerAndAddUp() {
		JsonNode figures = this.json.readTree(body(this.mvc.get().uri("/api/v1/figures?by=area").exchange()));
		JsonNode area = this.json.readTree(body(this.mvc.get().uri("/api/v1/areas/POL").exchange()));
		JsonNode pol = null;
		long applicable = 0;
		for (JsonNode row : figures.at("/groups/items")) {
			applicable += row.at("/figures/applicablePairs").asLong();
			if (row.get("code").asString().equals("POL")) {
				pol = row;
			}
		}
		assertThat(pol).isNotNull();
		assertThat(pol.get("figures")).isEqualTo(area.get("figures"));
		assertThat(applicable).isEqualTo(figures.at("/total/applicablePairs").asLong());
	}

	@Test
	void unknownIdsAndCyclesAreProblemDetails404() {
		for (String uri : List.of("/api/v1/areas/XYZ", "/api/v1/commitments/POL-99", "/api/v1/stakeholders/ZZZ",
				"/api/v1/cycles/1999", "/api/v1/areas/POL?cycle=1999", "/api/v1/entries?cycle=1999",
				"/api/v1/figures?cycle=1999", "/api/v1/stakeholders/PAK?cycle=1999", "/api/v1/no-such-thing",
				"/api/v1/commitments?area=XYZ")) {
			MvcTestResult result = this.mvc.get().uri(uri).exchange();
			assertProblem(uri, result, 404);
		}
	}

	@Test
	void badPagingAndFiltersAreProblemDetails400() {
		for (String uri : List.of("/api/v1/areas?page=0", "/api/v1/areas?page=-1", "/api/v1/areas?page=abc",
				"/api/v1/stakeholders?size=0", "/api/v1/stakeholders?size=101", "/api/v1/endorsements?size=x",
				"/api/v1/entries?page=1e3", "/api/v1/stakeholders?kind=PLANET", "/api/v1/figures?by=colour",
				"/api/v1/commitments?area=" + URLEncoder.encode("P'L", StandardCharsets.UTF_8),
				"/api/v1/areas/POL?cycle=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8),
				"/api/v1/areas/POL?publication=abc")) {
			MvcTestResult result = this.mvc.get().uri(uri).exchange();
			assertProblem(uri, result, 400);
		}
		MvcTestResult size = this.mvc.get().uri("/api/v1/areas?size=101").exchange();
		assertThat(this.json.readTree(body(size)).get("parameter").asString()).isEqualTo("size");
	}

	@Test
	void writesAreRefusedWith405AndNoCsrfOrSignIn() {
		for (String uri : List.of("/api/v1/areas", "/api/v1/stakeholders/PAK")) {
			MvcTestResult post = this.mvc.post().uri(uri).exchange();
			assertProblem(uri, post, 405);
			assertThat(post.getResponse().getHeader("Allow")).contains("GET");
			assertProblem(uri, this.mvc.delete().uri(uri).exchange(), 405);
		}
	}

	@Test
	void answersCarryAnEtagAnd304WhenUnchanged() {
		MvcTestResult first = this.mvc.get().uri("/api/v1/areas").exchange();
		String etag = first.getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();
		assertThat(first.getResponse().getHeader("Cache-Control")).contains("public").contains("max-age=60");
		assertThat(first.getResponse().getHeader("Set-Cookie")).isNull();
		MvcTestResult again = this.mvc.get().uri("/api/v1/areas").header("If-None-Match", etag).exchange();
		assertThat(again.getResponse().getStatus()).isEqualTo(304);
		assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
		// another answer has another validator
		MvcTestResult other = this.mvc.get().uri("/api/v1/areas?size=3").header("If-None-Match", etag).exchange();
		assertThat(other.getResponse().getStatus()).isEqualTo(200);
		assertThat(other.getResponse().getHeader("ETag")).isNotEqualTo(etag);
	}

	@Test
	void corsLetsAnyOriginRead() {
		MvcTestResult get = this.mvc.get().uri("/api/v1/areas").header("Origin", "https://elsewhere.example").exchange();
		assertThat(get.getResponse().getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
		assertThat(get.getResponse().getHeader("Access-Control-Expose-Headers")).contains("ETag").contains("Link");
		assertThat(get.getResponse().getHeader("Access-Control-Allow-Credentials")).isNull();
		MvcTestResult preflight = this.mvc.options().uri("/api/v1/stakeholders")
			.header("Origin", "https://elsewhere.example")
			.header("Access-Control-Request-Method", "GET")
			.exchange();
		assertThat(preflight.getResponse().getStatus()).isEqualTo(204);
		assertThat(preflight.getResponse().getHeader("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD, OPTIONS");
		MvcTestResult write = this.mvc.options().uri("/api/v1/stakeholders")
			.header("Origin", "https://elsewhere.example")
			.header("Access-Control-Request-Method", "POST")
			.exchange();
		assertThat(write.getResponse().getHeader("Access-Control-Allow-Methods")).isNull();
	}

	@Test
	void listsArePagedWithLinks() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/stakeholders?kind=member_state&size=10&page=2").exchange();
		JsonNode page = this.json.readTree(body(result));
		assertThat(page.get("page").asInt()).isEqualTo(2);
		assertThat(page.get("items").size()).isEqualTo(10);
		long total = page.get("totalItems").asLong();
		assertThat(page.get("totalPages").asLong()).isEqualTo((total + 9) / 10);
		assertThat(page.at("/links/prev").asString()).isEqualTo("/api/v1/stakeholders?kind=member_state&page=1&size=10");
		assertThat(page.at("/links/next").asString()).isEqualTo("/api/v1/stakeholders?kind=member_state&page=3&size=10");
		assertThat(result.getResponse().getHeader("Link")).contains("rel=\"next\"").contains("rel=\"last\"")
			.contains("<" + page.at("/links/first").asString() + ">; rel=\"first\"");
		JsonNode last = this.json.readTree(body(this.mvc.get().uri(page.at("/links/last").asString()).exchange()));
		assertThat(last.at("/links/next").isMissingNode()).isTrue();
		assertThat(page.get("items").get(0).get("kind").asString()).isEqualTo("MEMBER_STATE");
	}

	@Test
	void namesAreInTheReadersLanguage() {
		JsonNode pak = this.json.readTree(body(this.mvc.get().uri("/api/v1/stakeholders/PAK")
			.header("Accept-Language", "zh")
			.exchange()));
		assertThat(pak.get("name").asString()).isEqualTo("巴基斯坦");
	}

	private void assertProblem(String uri, MvcTestResult result, int status) {
		assertThat(result.getResponse().getStatus()).as(uri).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).as(uri).startsWith("application/problem+json");
		JsonNode problem = this.json.readTree(body(result));
		assertThat(problem.get("status").asInt()).as(uri).isEqualTo(status);
		assertThat(problem.get("title").asString()).as(uri).isNotBlank();
		String operation = uri.startsWith("/api/v1/stakeholders/") ? "/api/v1/stakeholders/{code}" : "/api/v1/areas";
		assertValid(uri, body(result), operation, "404", "application/problem+json");
	}

	private void assertValid(String uri, String body, String path, String status, String mediaType) {
		String pointer = "#/paths/" + escape(path) + "/get/responses/" + status + "/content/" + escape(mediaType)
				+ "/schema";
		Schema schema = this.schemas.getSchema(SchemaLocation.of(SPEC + pointer));
		List<Error> errors = schema.validate(body, InputFormat.JSON);
		assertThat(errors).as(uri + " against " + pointer + ": " + body).isEmpty();
	}

	/** A JSON pointer token in a URI fragment. */
	private static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
	}

	private static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
