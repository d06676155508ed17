/**
 * The languages the portal speaks and how a request chooses one (cookie, {@code ?lang=}, Accept-Language).
 * Below both the web layer and the page cache, which key pages by language.
 */
@NullMarked
package org.a4p.portal.i18n;

import org.jspecify.annotations.NullMarked;
