package org.a4p.portal.pagecache;

import java.util.Set;
import javax.sql.DataSource;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The page cache: on by default ({@code portal.page-cache.enabled}, see {@link PageCacheProperties}); the store
 * and the change announcements exist either way so that writers need not care.
 */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

	/**
	 * Paths never served from the cache: signed-in areas, sign-in and the signed-out confirmation, files Spring
	 * serves with their own headers, the API's browsable description, and the dataset ZIPs, which are streamed,
	 * never buffered to be cached (org.a4p.portal.opendata).
	 */
	static final Set<String> EXCLUDED = Set.of("/login", "/logout", "/signed-out", "/account", "/admin", "/my",
			"/review", "/secretariat", "/entries", "/actuator", "/assets/", "/webjars/", "/error", "/data/cycles/",
			"/data/publications/", "/api/docs", "/api/swagger-ui/", "/unsubscribe");

	@Bean
	PageCache pageCache(PageCacheProperties properties) {
		return new PageCache(properties.maxSize().toBytes());
	}

	/**
	 * {@code portal.page.cache.requests} (tag {@code result}: {@code hit}, {@code miss}) and
	 * {@code portal.page.cache.size} (bytes held). Read from the cache's own adders when metrics are
	 * collected: serving a page does no more than add one.
	 */
	@Bean
	MeterBinder pageCacheMetrics(PageCache cache) {
		return (registry) -> {
			FunctionCounter.builder("portal.page.cache.requests", cache, (c) -> c.hits.sum())
				.description("Anonymous page requests answered from the page cache (hit) or rendered (miss)")
				.tag("result", "hit")
				.register(registry);
			FunctionCounter.builder("portal.page.cache.requests", cache, (c) -> c.misses.sum())
				.description("Anonymous page requests answered from the page cache (hit) or rendered (miss)")
				.tag("result", "miss")
				.register(registry);
			Gauge.builder("portal.page.cache.size", cache, PageCache::weight)
				.description("Bytes held by the page cache")
				.baseUnit("bytes")
				.register(registry);
		};
	}

	@Bean
	PageCacheInstance pageCacheInstance() {
		return PageCacheInstance.random();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "portal.page-cache.enabled", matchIfMissing = true)
	FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache,
			@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
		FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(
				new PageCacheFilter(cache, sessionCookie, EXCLUDED));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.addUrlPatterns("/*");
		return registration;
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "portal.page-cache.enabled", matchIfMissing = true)
	ContentChangeListener contentChangeListener(DataSource dataSource, PageCache cache, PageCacheInstance instance) {
		return new ContentChangeListener(dataSource, cache, instance);
	}

}
