/**
 * The Secretariat's review: the queue of submissions and the validate / return decisions on an entry.
 */
@NullMarked
package org.a4p.portal.review;

import org.jspecify.annotations.NullMarked;
