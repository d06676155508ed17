@NullMarked
package org.a4p.portal.account;

import org.jspecify.annotations.NullMarked;
