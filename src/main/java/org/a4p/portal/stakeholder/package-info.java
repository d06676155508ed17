@NullMarked
package org.a4p.portal.stakeholder;

import org.jspecify.annotations.NullMarked;
