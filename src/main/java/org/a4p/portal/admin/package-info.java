@NullMarked
package org.a4p.portal.admin;

import org.jspecify.annotations.NullMarked;
