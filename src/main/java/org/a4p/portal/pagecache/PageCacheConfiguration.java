package org.a4p.portal.pagecache;

import java.util.Set;
import javax.sql.DataSource;

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

	/** Paths never served from the cache: signed-in areas, sign-in, files Spring serves with their own headers. */
	static final Set<String> EXCLUDED = Set.of("/api/docs", "/api/swagger-ui/", "/login", "/logout", "/account", "/admin", "/my", "/review", "/entries",
			"/actuator", "/assets/", "/webjars/", "/error");

	@Bean
	PageCache pageCache(PageCacheProperties properties) {
		return new PageCache(properties.maxSize().toBytes());
	}

	@Bean
	PageCacheInstance pageCacheInstance() {
		return PageCacheInstance.random();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "portal.page-cache.enabled", matchIfMissing = true)
	FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache,
			@Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) {
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
