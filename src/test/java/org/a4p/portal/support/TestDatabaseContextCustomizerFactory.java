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
			context.getEnvironment().getPropertySources().addLast(new MapPropertySource("portal-test-defaults",
					Map.of("portal.page-cache.enabled", "false")));
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
