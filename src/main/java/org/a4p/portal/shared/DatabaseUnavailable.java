package org.a4p.portal.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Tells a failure of the database to answer (down, restarting, unreachable, no pooled connection in
 * time, a statement cancelled by {@code statement_timeout}) from everything else. Such a failure is
 * temporary and says nothing about the request: it is answered with 503 and {@code Retry-After}, never
 * with a stack trace. Whatever layer wrapped it (Spring's data-access or transaction exceptions,
 * Hibernate's, a servlet exception), the cause chain is searched.
 */
public final class DatabaseUnavailable {

	/**
	 * SQLSTATEs beyond class 08 (connection exception) that mean "not answering now": admin_shutdown,
	 * crash_shutdown, cannot_connect_now (starting up or shutting down), query_canceled (the statement
	 * timeout), too_many_connections.
	 */
	private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "57014", "53300");

	private DatabaseUnavailable() {
	}

	/** Whether {@code failure}, or one of its causes, is the database not answering. */
	public static boolean causedBy(@Nullable Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException || cause instanceof SQLTimeoutException
					|| cause instanceof ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && (unavailableState(sql.getSQLState()) || closedByPool(sql))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * The pool's word for a connection it has already closed as broken (HikariCP, no SQLSTATE): when the
	 * database goes away in the middle of a transaction, rolling it back fails with this, and Spring
	 * throws the rollback's failure instead of the statement's.
	 */
	private static boolean closedByPool(SQLException sql) {
		return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
	}

	private static boolean unavailableState(@Nullable String state) {
		return state != null && (state.startsWith("08") || STATES.contains(state));
	}

}
