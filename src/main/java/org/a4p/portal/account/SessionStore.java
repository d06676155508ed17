package org.a4p.portal.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL (Spring Session JDBC): a session attribute is written with an upsert. The default
 * statement is a plain insert, so the first requests of a new session sent at once (a browser opening several
 * tabs just after signing in) each tried to store the same new attribute, the CSRF token above all, and all
 * but one failed with a duplicate key: a 500.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
