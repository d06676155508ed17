package org.a4p.portal.support;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at the {@link TestDatabase}. Registered in
 * {@code META-INF/spring.factories}, so no test has to remember it. Because a URL is then set, the
 * application's own embedded development database never starts in tests.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	private static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			TestDatabase.Connection db = TestDatabase.get();
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("portal-test-database",
					Map.of("spring.datasource.url", db.url(), "spring.datasource.username", db.username(),
							"spring.datasource.password", db.password())));
			// Tests share one database and often read inside rolled-back transactions: a page cached
			// there could outlive its data. The page cache tests switch it on explicitly.
			// Spring keeps up to 32 test contexts alive, each with its connection pool: an idle context gives its
			// connections back after 10 s (but one), or a dozen contexts would use up the server's connections.
			context.getEnvironment().getPropertySources().addLast(new MapPropertySource("portal-test-defaults",
					Map.of("portal.page-cache.enabled", "false", "spring.datasource.hikari.minimum-idle", "1",
							"spring.datasource.hikari.idle-timeout", "10000")));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
