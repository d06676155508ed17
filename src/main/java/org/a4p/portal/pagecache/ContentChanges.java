package org.a4p.portal.pagecache;

import org.a4p.portal.shared.ContentChanged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Listens for {@link ContentChanged}, which every write that changes what pages show publishes in its
 * transaction. Just before the transaction commits it asks PostgreSQL to notify every other instance
 * sharing the database (NOTIFY is transactional: delivered at commit, never for a rollback), once per
 * transaction; once it has committed, this instance's page cache is cleared, in the writer's thread, so
 * the writer's next page already shows the change.
 */
@Component
class ContentChanges {

	static final String CHANNEL = "a4p_content_changed";

	private final PageCache cache;

	private final JdbcClient jdbc;

	private final String instanceId;

	ContentChanges(PageCache cache, JdbcClient jdbc, PageCacheInstance instance) {
		this.cache = cache;
		this.jdbc = jdbc;
		this.instanceId = instance.id();
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void notifyOtherInstances(ContentChanged change) {
		// one notification a transaction, however many changes it announces
		if (TransactionSynchronizationManager.hasResource(this)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
		this.jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, this.instanceId).query((rs) -> {
		});
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION)
	void afterCompletion(ContentChanged change) {
		TransactionSynchronizationManager.unbindResourceIfPossible(this);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void clearThisInstance(ContentChanged change) {
		this.cache.invalidateAll();
	}

}
