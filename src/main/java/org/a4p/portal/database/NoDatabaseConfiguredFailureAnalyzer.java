package org.a4p.portal.database;

import org.a4p.portal.database.NoDatabaseConfigured.NoDatabaseConfiguredException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/** Replaces the stack trace of a start without a database by one line saying what to set. */
class NoDatabaseConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<NoDatabaseConfiguredException>
		implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseConfiguredException cause) {
		return new FailureAnalysis(NoDatabaseConfiguredException.MESSAGE,
				"The packaged jar has no embedded PostgreSQL (only ./mvnw spring-boot:run has one). "
						+ "See README.md, or run docker compose up.",
				cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
