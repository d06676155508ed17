@NullMarked
package org.a4p.portal.demo;

import org.jspecify.annotations.NullMarked;
