package org.a4p.portal.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Development database: when no {@code spring.datasource.url} is configured (and the embedded
 * PostgreSQL artifacts are on the classpath, as they are for {@code ./mvnw spring-boot:run}), start
 * a real PostgreSQL 17 whose data directory survives restarts. A random free port is used every
 * time: a fixed port could silently connect the portal to another server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedDevDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDevDatabase.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${portal.dev-database.directory:.data/postgres-17}") String directory) {
		Path dataDirectory = Path.of(directory).toAbsolutePath();
		try {
			Files.createDirectories(dataDirectory);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setServerConfig("max_connections", "50")
				// As for a server (application.properties): no JIT for the portal's short queries.
				.setServerConfig("jit", "off")
				.start();
			log.info("Database: embedded PostgreSQL 17 on 127.0.0.1:{} with data in {} "
					+ "(set SPRING_DATASOURCE_URL to use a PostgreSQL server instead)", postgres.getPort(),
					dataDirectory);
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	/** The pool takes the same {@code spring.datasource.hikari.*} settings as a server's (timeouts, options). */
	@Bean(destroyMethod = "close")
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("embedded-dev");
		dataSource.setMaximumPoolSize(10);
		return dataSource;
	}

}
