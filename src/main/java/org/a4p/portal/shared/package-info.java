/**
 * What every module may use: the one refusal type of a write, "not found", the content-changed event, and
 * small rules for text and SQL, and a difference of two texts (LineDiff). Holds no Spring beans and depends on
 * no other module.
 */
@NullMarked
package org.a4p.portal.shared;

import org.jspecify.annotations.NullMarked;
