@NullMarked
package org.a4p.portal.audit;

import org.jspecify.annotations.NullMarked;
