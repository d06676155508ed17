@NullMarked
package org.a4p.portal.catalogue;

import org.jspecify.annotations.NullMarked;
