package org.a4p.portal.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must happen only once the current transaction has committed (never for a rollback). */
public final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * Runs {@code work} after the current transaction commits.
	 * @throws IllegalStateException outside a transaction: the caller's write would not be atomic
	 */
	public static void run(Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("AfterCommit.run needs a transaction");
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				work.run();
			}
		});
	}

}
