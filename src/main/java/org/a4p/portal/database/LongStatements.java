package org.a4p.portal.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The portal's connections carry a {@code statement_timeout} (application.properties: a query that runs
 * longer is cancelled, its request gets the 503 page, and its connection is free again). Flyway's
 * migrations may rightly run longer on a large database (an index on millions of rows): their
 * connections have no timeout while Flyway holds them, and get the portal's back when it returns them
 * to the pool. (The demonstration-data generator lifts it for its own transaction with
 * {@code set local}.)
 */
@Configuration(proxyBeanMethods = false)
class LongStatements {

	@Bean
	FlywayConfigurationCustomizer migrationsWithoutStatementTimeout() {
		return (configuration) -> configuration.dataSource(new NoStatementTimeout(configuration.getDataSource()));
	}

	/** Connections with {@code statement_timeout = 0} until closed, when the pool's setting is restored. */
	static final class NoStatementTimeout extends DelegatingDataSource {

		NoStatementTimeout(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return withoutTimeout(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return withoutTimeout(super.getConnection(username, password));
		}

		private static Connection withoutTimeout(Connection connection) throws SQLException {
			execute(connection, "set statement_timeout = 0");
			return (Connection) Proxy.newProxyInstance(NoStatementTimeout.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if ("close".equals(method.getName()) && !connection.isClosed()) {
							try {
								// a failed transaction refuses every statement until it ends
								if (!connection.getAutoCommit()) {
									connection.rollback();
								}
								execute(connection, "reset statement_timeout");
							}
							catch (SQLException ex) {
								// a broken connection: the pool discards it
							}
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		private static void execute(Connection connection, String sql) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}

	}

}
