package org.a4p.portal.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.a4p.portal.web.ContentSecurityPolicy;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The API's own security chain, filters and OpenAPI description.
 * <p>
 * Security: everything under {@code /api/} is public and read-only. No session is created or read, no CSRF
 * token is needed (nothing writes: any other method is a 405 problem), and the sign-in page is never offered.
 * Swagger UI ({@code /api/docs}, assets under {@code /api/swagger-ui/}) runs under the portal's strict
 * Content-Security-Policy plus the hash of the one inline {@code <style>} of swagger-ui 5.32.14 (the colours of
 * its logo; spike s1): re-check the hash when the webjar changes ({@code SwaggerUiBrowserTest} fails on any
 * violation).
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	/** SHA-256 of {@code .logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}} in swagger-ui 5.32.14. */
	static final String SWAGGER_LOGO_STYLE = "RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=";

	static final String DOCS_POLICY = ContentSecurityPolicy.allowingStyleHashes(SWAGGER_LOGO_STYLE);

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(DOCS_POLICY))
				.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	@Bean
	FilterRegistrationBean<ApiCors> apiCorsFilter() {
		FilterRegistrationBean<ApiCors> registration = new FilterRegistrationBean<>(new ApiCors());
		// before the page cache (HIGHEST_PRECEDENCE + 10), so that cached answers get the headers too
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		registration.addUrlPatterns("/api/v1/*");
		return registration;
	}

	/**
	 * ETag and 304 for answers the page cache does not keep (a request with a session cookie or credentials);
	 * the page cache gives its own ETag to those it keeps, and answers 304 itself.
	 */
	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtagFilter() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		registration.addUrlPatterns("/api/v1/*");
		return registration;
	}

	@Bean
	OpenAPI portalOpenApi() {
		return new OpenAPI()
			.info(new Info().title("A4P commitments portal API")
				.version("v1")
				.description("""
						Read-only access to what the portal publishes about the Action for Peacekeeping (A4P) \
						Declaration of Shared Commitments: areas, commitments, stakeholders, endorsements, reporting \
						cycles, figures and validated entries. Only validated content is shown, exactly as on the \
						public pages; a closed cycle as published. Answers about a cycle take `?cycle=CODE` (the \
						current cycle by default). Lists are paged with `page` (from 1) and `size` (1 to 100), with \
						links in the body and in a `Link` header. Answers carry an `ETag` (send `If-None-Match` for a \
						304) and may be kept by a shared cache for a minute. Names are in the language asked for with \
						`Accept-Language` or `?lang=` (en, fr, es, ru, zh, ar). Errors are RFC 9457 problem details.""")
				.license(new License().name("Data: see the portal's open data page")));
	}

	/** Every operation may answer with a problem: 400 (a malformed parameter), 404 (unknown id or cycle), 405. */
	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			ModelConverters.getInstance(true).read(Resources.Problem.class).forEach(openApi.getComponents()::addSchemas);
			openApi.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
				ApiResponses responses = operation.getResponses();
				responses.addApiResponse("400", problem("A parameter is malformed or out of range (page, size, a filter, cycle)"));
				responses.addApiResponse("404", problem("No such area, commitment, stakeholder or cycle"));
				responses.addApiResponse("405", problem("The API only reads: GET, HEAD and OPTIONS"));
			}));
		};
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(ApiProblems.PROBLEM_JSON.toString(),
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
	}

}
