/**
 * The status scale and how progress is counted: status distributions over the applicable
 * (commitment, stakeholder) pairs of a cycle, computed in SQL.
 */
@NullMarked
package org.a4p.portal.progress;

import org.jspecify.annotations.NullMarked;
