package org.a4p.portal.pagecache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces that the current transaction changes what pages show. When it commits, this instance's
 * page cache is cleared before the writer's response is sent (so the very next request shows the
 * change), and PostgreSQL delivers a notification to every other instance sharing the database
 * (NOTIFY is transactional: nothing is sent if the transaction rolls back).
 */
@Component
public class ContentChanges {

	static final String CHANNEL = "a4p_content_changed";

	private final PageCache cache;

	private final JdbcClient jdbc;

	private final String instanceId;

	ContentChanges(PageCache cache, JdbcClient jdbc, PageCacheInstance instance) {
		this.cache = cache;
		this.jdbc = jdbc;
		this.instanceId = instance.id();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void inThisTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("Content changes must be announced inside a transaction");
		}
		boolean first = TransactionSynchronizationManager.getResource(this) == null;
		if (!first) {
			return;
		}
		TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				ContentChanges.this.cache.invalidateAll();
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(ContentChanges.this);
			}
		});
		this.jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, this.instanceId).query((rs) -> {
		});
	}

}
