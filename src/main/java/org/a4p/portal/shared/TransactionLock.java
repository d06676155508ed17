package org.a4p.portal.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A PostgreSQL advisory lock held until the current transaction ends ({@code pg_advisory_xact_lock}):
 * work that must not run twice at once on instances sharing the database (creating the first
 * administrator, demonstration data) takes one by name first; a second instance waits for the first
 * to commit or roll back, then sees what it did. Released by PostgreSQL even if the instance dies.
 */
public final class TransactionLock {

	private TransactionLock() {
	}

	/**
	 * Waits for the lock named {@code name}, then holds it until the transaction ends.
	 * @throws IllegalStateException outside a transaction (the lock would end with the statement)
	 */
	public static void acquire(JdbcClient jdbc, String name) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("TransactionLock.acquire needs a transaction");
		}
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(name).query((rs) -> {
		});
	}

}
