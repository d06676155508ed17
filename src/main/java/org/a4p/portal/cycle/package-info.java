@NullMarked
package org.a4p.portal.cycle;

import org.jspecify.annotations.NullMarked;
