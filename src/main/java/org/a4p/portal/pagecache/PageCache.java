package org.a4p.portal.pagecache;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * The store of rendered pages, bounded in bytes; when full, Caffeine evicts the pages least likely to
 * be asked for again, so a crawl of rare addresses cannot push out the dashboard. A generation number
 * protects against storing a page rendered from data older than the latest invalidation: a page is
 * kept only if no invalidation happened between the start of its rendering and its storage.
 */
public final class PageCache {

	/** What a page depends on: path, query string and the language it was rendered in. */
	record Key(String path, @Nullable String query, String language) {
	}

	/** A header to replay on every hit. */
	record Header(String name, String value) {
	}

	/**
	 * The bytes of a page, plain and gzip-compressed, with its validator and headers.
	 *
	 * @param cacheControl what the answer says about shared caches ({@code no-cache} for pages)
	 */
	record Page(byte[] body, byte[] gzipBody, String etag, String contentType, List<Header> headers,
			String cacheControl) {

		/** Bytes held, roughly: both bodies and a fixed allowance for the key, headers and objects. */
		int weight() {
			return this.body.length + this.gzipBody.length + 1024;
		}

	}

	private final Cache<Key, Page> pages;

	private final AtomicLong generation = new AtomicLong();

	/** Requests answered from the store, and cacheable ones that had to be rendered (read by the metrics). */
	final LongAdder hits = new LongAdder();

	final LongAdder misses = new LongAdder();

	public PageCache(long maxBytes) {
		this.pages = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((Key key, Page page) -> page.weight())
			.executor(Runnable::run)
			.build();
	}

	long generation() {
		return this.generation.get();
	}

	@Nullable Page get(Key key) {
		return this.pages.getIfPresent(key);
	}

	/** Stores a page rendered when the generation was {@code renderedAt}, unless it has changed since. */
	void put(Key key, Page page, long renderedAt) {
		if (this.generation.get() != renderedAt) {
			return;
		}
		this.pages.put(key, page);
		if (this.generation.get() != renderedAt) {
			this.pages.asMap().remove(key, page);
		}
	}

	/** Forgets every page; pages being rendered now will not be stored. */
	public void invalidateAll() {
		this.generation.incrementAndGet();
		this.pages.invalidateAll();
	}

	/** Bytes held (by {@link Page#weight()}), after pending evictions. */
	long weight() {
		this.pages.cleanUp();
		return this.pages.policy().eviction().orElseThrow().weightedSize().orElse(0);
	}

}
