/**
 * Open data (issue 11, parts 1 and 2): every public table as CSV and XLSX, built from the tables the pages
 * show ({@link org.a4p.portal.publication.PublicTables}, {@link org.a4p.portal.shared.Table}); and the whole
 * dataset of each reporting cycle as one streamed ZIP of CSV tables with a Frictionless Data Package
 * description, listed on {@code /data}. Nothing here writes.
 */
@NullMarked
package org.a4p.portal.opendata;

import org.jspecify.annotations.NullMarked;
