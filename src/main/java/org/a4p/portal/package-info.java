@NullMarked
package org.a4p.portal;

import org.jspecify.annotations.NullMarked;
