/**
 * What signed-in writers have to do: a delegate's state ({@code /my}) and the list of entries one may see
 * in a cycle ({@code /entries}).
 */
@NullMarked
package org.a4p.portal.work;

import org.jspecify.annotations.NullMarked;
