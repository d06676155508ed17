@NullMarked
package org.a4p.portal.endorsement;

import org.jspecify.annotations.NullMarked;
