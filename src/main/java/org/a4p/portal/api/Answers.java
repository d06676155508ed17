package org.a4p.portal.api;

import java.time.Duration;

import org.a4p.portal.api.Resources.Page;
import org.a4p.portal.api.Resources.PageLinks;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * How every API answer is sent: {@code Cache-Control: public, max-age=60} (a shared cache may keep it a minute;
 * the portal's page cache keeps it until content changes, and gives it an ETag), and for a page of a list a
 * {@code Link} header with its neighbours.
 */
final class Answers {

	static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

	private Answers() {
	}

	static <T> ResponseEntity<T> ok(T body) {
		return ResponseEntity.ok().cacheControl(CACHE).body(body);
	}

	static <T> ResponseEntity<Page<T>> page(Page<T> page) {
		return ResponseEntity.ok().cacheControl(CACHE).header(HttpHeaders.LINK, Paging.header(page.links())).body(page);
	}

	static <T> ResponseEntity<T> paged(T body, PageLinks links) {
		return ResponseEntity.ok().cacheControl(CACHE).header(HttpHeaders.LINK, Paging.header(links)).body(body);
	}

}
