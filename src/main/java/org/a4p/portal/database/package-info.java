@NullMarked
package org.a4p.portal.database;

import org.jspecify.annotations.NullMarked;
