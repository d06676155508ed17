package org.a4p.portal.pagecache;

import java.util.UUID;

/** This instance's identity in change notifications (it ignores its own: it cleared its cache at commit). */
record PageCacheInstance(String id) {

	static PageCacheInstance random() {
		return new PageCacheInstance(UUID.randomUUID().toString());
	}

}
