/**
 * Capacities Member States hold over a period (Security Council seat, troop/police contributor, host
 * state): their administration, and the reads the administration pages need.
 */
@NullMarked
package org.a4p.portal.capacity;

import org.jspecify.annotations.NullMarked;
