package org.a4p.portal.database;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The packaged jar has no embedded PostgreSQL: started without {@code SPRING_DATASOURCE_URL} it
 * stops at once with a message saying so (see {@link NoDatabaseConfiguredFailureAnalyzer}),
 * rather than with Spring's advice to add an in-memory database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingClass("io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@Conditional(NoDatasourceUrlCondition.class)
class NoDatabaseConfigured {

	/** Stops the start before anything else is created (the web server included). */
	@Bean
	static BeanFactoryPostProcessor stopWithoutDatabase() {
		return (beanFactory) -> {
			throw new NoDatabaseConfiguredException();
		};
	}

	/** No PostgreSQL server named, and no embedded one available. */
	static class NoDatabaseConfiguredException extends IllegalStateException {

		static final String MESSAGE = "No database configured: set SPRING_DATASOURCE_URL (for example "
				+ "jdbc:postgresql://localhost:5432/a4p) and SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD "
				+ "to a PostgreSQL server.";

		NoDatabaseConfiguredException() {
			super(MESSAGE);
		}

	}

}
