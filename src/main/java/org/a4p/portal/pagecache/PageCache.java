package org.a4p.portal.pagecache;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The store of rendered pages. A generation number protects against storing a page rendered from
 * data older than the latest invalidation: a page is kept only if no invalidation happened between
 * the start of its rendering and its storage.
 */
public final class PageCache {

	/** What a page depends on: path, query string and the language it was rendered in. */
	record Key(String path, @Nullable String query, String language) {
	}

	/** A header to replay on every hit. */
	record Header(String name, String value) {
	}

	/** The bytes of a page, plain and gzip-compressed, with its validator and headers. */
	record Page(byte[] body, byte[] gzipBody, String etag, String contentType, List<Header> headers) {
	}

	private final Map<Key, Page> pages = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	private final int maxEntries;

	public PageCache(int maxEntries) {
		this.maxEntries = maxEntries;
	}

	long generation() {
		return this.generation.get();
	}

	@Nullable Page get(Key key) {
		return this.pages.get(key);
	}

	/** Stores a page rendered when the generation was {@code renderedAt}, unless it has changed since. */
	void put(Key key, Page page, long renderedAt) {
		if (this.generation.get() != renderedAt || this.pages.size() >= this.maxEntries) {
			return;
		}
		this.pages.put(key, page);
		if (this.generation.get() != renderedAt) {
			this.pages.remove(key, page);
		}
	}

	/** Forgets every page; pages being rendered now will not be stored. */
	public void invalidateAll() {
		this.generation.incrementAndGet();
		this.pages.clear();
	}

	int size() {
		return this.pages.size();
	}

}
