/**
 * Rendered bytes of anonymous read pages, served ahead of Spring and invalidated by every committed
 * write (see docs/adr/0030-page-cache.md).
 */
@NullMarked
package org.a4p.portal.pagecache;

import org.jspecify.annotations.NullMarked;
