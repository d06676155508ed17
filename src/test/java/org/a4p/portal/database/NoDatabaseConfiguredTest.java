package org.a4p.portal.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar (no embedded PostgreSQL inside) started without a database URL. */
class NoDatabaseConfiguredTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(NoDatabaseConfigured.class);

	private final FilteredClassLoader withoutEmbeddedPostgres = new FilteredClassLoader(EmbeddedPostgres.class);

	@Test
	void withoutADatabaseUrlNorTheEmbeddedPostgresTheStartStopsWithAMessageNamingSpringDatasourceUrl() {
		this.runner.withClassLoader(this.withoutEmbeddedPostgres).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new NoDatabaseConfiguredFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).startsWith("No database configured: set SPRING_DATASOURCE_URL")
				.doesNotContain("\n");
		});
	}

	@Test
	void aDatabaseUrlLetsTheStartGoOn() {
		this.runner.withClassLoader(this.withoutEmbeddedPostgres)
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/a4p")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void theEmbeddedPostgresOnTheClasspathLetsTheStartGoOn() {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
	}

}
