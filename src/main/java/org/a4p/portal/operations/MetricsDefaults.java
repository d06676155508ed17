package org.a4p.portal.operations;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Metrics are read on the management port ({@code management.server.port}, bound to 127.0.0.1 unless
 * {@code management.server.address} says otherwise), which is off unless set:
 * <ul>
 * <li>without it, the endpoints are {@code health} and {@code info} on the main port, and HTTP requests
 * are not timed at all, since nobody would read the timings (they cost a sixth of a cached page's time
 * when they were, docs/performance.md);</li>
 * <li>with it, {@code prometheus} joins them there, and HTTP requests are timed (pages served from the
 * page cache never are: {@link OperationsConfiguration}).</li>
 * </ul>
 * These are defaults: an explicit {@code management.endpoints.web.exposure.include} or
 * {@code management.observations.enable.http.server.requests} wins.
 */
class MetricsDefaults implements EnvironmentPostProcessor {

	static final String SOURCE = "portal-metrics-defaults";

	static final String HTTP_OBSERVATIONS = "management.observations.enable.http.server.requests";

	static final String EXPOSURE = "management.endpoints.web.exposure.include";

	static final String ADDRESS = "management.server.address";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean managementPort = environment.containsProperty("management.server.port")
				&& !"-1".equals(environment.getProperty("management.server.port"));
		Map<String, Object> defaults = new HashMap<>();
		defaults.put(HTTP_OBSERVATIONS, String.valueOf(managementPort));
		defaults.put(EXPOSURE, managementPort ? "health,info,prometheus" : "health,info");
		if (managementPort) {
			// Boot refuses an address without a port of its own
			defaults.put(ADDRESS, "127.0.0.1");
		}
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
	}

}
