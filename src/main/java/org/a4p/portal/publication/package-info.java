/**
 * Everything the public reads about progress: the dashboard, area, commitment and stakeholder pages and the
 * method page. Counts come from {@code progress}; nothing here writes.
 */
@NullMarked
package org.a4p.portal.publication;

import org.jspecify.annotations.NullMarked;
