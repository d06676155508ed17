package org.a4p.portal.pagecache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL for content changes committed by other instances and clears this instance's
 * page cache: a change shows everywhere within about the poll interval. If the listening connection
 * is lost, the listener reconnects, and clears the cache once it listens again (a notification may have
 * been missed meanwhile). Not before: while the database is away, the cached pages are all that anonymous
 * readers can still be given.
 */
final class ContentChangeListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ContentChangeListener.class);

	private static final int POLL_MILLIS = 250;

	private final DataSource dataSource;

	private final PageCache cache;

	private final PageCacheInstance instance;

	private volatile boolean running;

	private @Nullable Thread thread;

	ContentChangeListener(DataSource dataSource, PageCache cache, PageCacheInstance instance) {
		this.dataSource = dataSource;
		this.cache = cache;
		this.instance = instance;
	}

	@Override
	public void start() {
		this.running = true;
		Thread listener = new Thread(this::listen, "page-cache-listener");
		listener.setDaemon(true);
		listener.start();
		this.thread = listener;
	}

	@Override
	public void stop() {
		this.running = false;
		Thread listener = this.thread;
		if (listener != null) {
			listener.interrupt();
			try {
				listener.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + ContentChanges.CHANNEL);
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				this.cache.invalidateAll();
				while (this.running) {
					PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
					if (notifications != null && fromOthers(notifications)) {
						this.cache.invalidateAll();
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Page cache listener lost its connection ({}); reconnecting", ex.getMessage());
					sleepQuietly(1000);
				}
			}
		}
	}

	private boolean fromOthers(PGNotification[] notifications) {
		for (PGNotification notification : notifications) {
			if (!this.instance.id().equals(notification.getParameter())) {
				return true;
			}
		}
		return false;
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
