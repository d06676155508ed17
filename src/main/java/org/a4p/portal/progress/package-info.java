@NullMarked
package org.a4p.portal.progress;

import org.jspecify.annotations.NullMarked;
