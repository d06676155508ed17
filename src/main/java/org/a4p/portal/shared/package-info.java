/**
 * What every module may use: the one refusal type of a write, "not found", the content-changed event, a public
 * table as it is downloaded ({@link org.a4p.portal.shared.Table}), small rules for text and SQL, and a
 * difference of two texts (LineDiff). Holds no Spring beans and depends on no other module.
 */
@NullMarked
package org.a4p.portal.shared;

import org.jspecify.annotations.NullMarked;
