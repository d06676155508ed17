package org.a4p.portal.operations;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Request ids ({@link RequestIdValve}) and where HTTP requests are timed.
 * <p>
 * Spring Boot times requests ({@code http.server.requests}) in a filter placed first of all; here it
 * is placed after the page cache ({@code Ordered.HIGHEST_PRECEDENCE + 10}), so a page served from the
 * cache is never timed: the hot path measures nothing. Whether requests are timed at all follows the
 * management port ({@link MetricsDefaults}).
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

	/** After the page cache filter and the request checks: cached pages are not timed. */
	static final int HTTP_OBSERVATION_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> requestIds() {
		return new RequestIdCustomizer();
	}

	@Bean
	FilterRegistrationBean<ServerHttpObservationFilter> webMvcObservationFilter(ObservationRegistry registry,
			ObjectProvider<ServerRequestObservationConvention> convention) {
		FilterRegistrationBean<ServerHttpObservationFilter> registration = new FilterRegistrationBean<>(
				new ServerHttpObservationFilter(registry,
						convention.getIfAvailable(DefaultServerRequestObservationConvention::new)));
		registration.setOrder(HTTP_OBSERVATION_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

	/** Adds the valve after Boot's own engine valves (the trusted-proxy {@code RemoteIpValve} among them). */
	static final class RequestIdCustomizer
			implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addEngineValves(new RequestIdValve());
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
