/**
 * Progress entries and their workflow: writing drafts, submitting, validating and returning (one use case
 * each), the entry page, the history of every change and who may do what with an entry.
 */
@NullMarked
package org.a4p.portal.reporting;

import org.jspecify.annotations.NullMarked;
