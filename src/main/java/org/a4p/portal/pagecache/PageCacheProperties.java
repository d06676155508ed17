package org.a4p.portal.pagecache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the page cache (docs/adr/0030-page-cache.md).
 *
 * @param enabled whether anonymous read pages are served from the cache (the store and the change
 * announcements exist either way)
 * @param maxSize bytes held at most, plain and gzip copies together; the pages least likely to be asked
 * for again go first
 */
@ConfigurationProperties("portal.page-cache")
record PageCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("32MB") DataSize maxSize) {
}
