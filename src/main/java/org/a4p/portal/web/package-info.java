@NullMarked
package org.a4p.portal.web;

import org.jspecify.annotations.NullMarked;
