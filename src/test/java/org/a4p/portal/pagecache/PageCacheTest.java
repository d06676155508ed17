package org.a4p.portal.pagecache;

import java.util.List;

import org.a4p.portal.pagecache.PageCache.Key;
import org.a4p.portal.pagecache.PageCache.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageCacheTest {

	private static final Key KEY = new Key("/", null, "en");

	private static Page page(String text) {
		return new Page(text.getBytes(), new byte[0], "\"" + text + "\"", "text/html", List.of(), "no-cache");
	}

	@Test
	void aPageRenderedBeforeAnInvalidationIsNotStored() {
		PageCache cache = new PageCache(1_000_000);
		long renderedAt = cache.generation();
		cache.invalidateAll();
		cache.put(KEY, page("stale"), renderedAt);
		assertThat(cache.get(KEY)).isNull();
	}

	@Test
	void aPageRenderedInTheCurrentGenerationIsStoredUntilTheNextInvalidation() {
		PageCache cache = new PageCache(1_000_000);
		cache.put(KEY, page("fresh"), cache.generation());
		assertThat(cache.get(KEY)).isNotNull();
		cache.invalidateAll();
		assertThat(cache.get(KEY)).isNull();
	}

	@Test
	void languagesAndQueriesAreSeparateEntries() {
		PageCache cache = new PageCache(1_000_000);
		cache.put(KEY, page("en"), cache.generation());
		assertThat(cache.get(new Key("/", null, "zh"))).isNull();
		assertThat(cache.get(new Key("/", "kind=ORGANIZATION", "en"))).isNull();
	}

	@Test
	void theStoreIsBoundedInBytes() {
		Page sample = page("p0");
		PageCache cache = new PageCache(3L * sample.weight());
		for (int i = 0; i < 50; i++) {
			cache.put(new Key("/p" + i, null, "en"), page("p" + i), cache.generation());
		}
		assertThat(cache.weight()).isPositive().isLessThanOrEqualTo(3L * sample.weight());
	}

	@Test
	void validatorsAndEncodingsAreParsedStrictly() {
		assertThat(PageCacheFilter.matches("\"abc\"", "\"abc\"")).isTrue();
		assertThat(PageCacheFilter.matches("W/\"abc\", \"def\"", "\"def\"")).isTrue();
		assertThat(PageCacheFilter.matches("\"abd\"", "\"abc\"")).isFalse();
		assertThat(PageCacheFilter.matches(null, "\"abc\"")).isFalse();
		assertThat(PageCacheFilter.acceptsGzip("gzip, deflate, br")).isTrue();
		assertThat(PageCacheFilter.acceptsGzip("br;q=1.0, gzip;q=0")).isFalse();
		assertThat(PageCacheFilter.acceptsGzip("identity")).isFalse();
		assertThat(PageCacheFilter.acceptsGzip(null)).isFalse();
	}

}
