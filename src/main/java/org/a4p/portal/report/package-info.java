/**
 * Printable reports: per Member State or organization, per area and for the Secretariat, per cycle. Each is a
 * server-rendered page that prints cleanly on A4 (the print rules of {@code portal.css}) and the same page as a
 * PDF rendered on the server by openhtmltopdf, with the fonts in {@code src/main/resources/fonts} (Noto Sans SC,
 * Noto Sans Arabic). The figures come from {@link org.a4p.portal.publication.ProgressViews}, as on the pages.
 */
@NullMarked
package org.a4p.portal.report;

import org.jspecify.annotations.NullMarked;
