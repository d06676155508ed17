/**
 * The read-only JSON API under {@code /api/v1/}: areas, commitments, stakeholders, endorsements, cycles, figures
 * and validated entries, as the public pages show them (it reads the same query services, chiefly
 * {@link org.a4p.portal.publication.ProgressViews}), with paging links, validators, CORS for reading, problem
 * details for errors, and its OpenAPI description ({@code /api/v1/openapi.json}, Swagger UI at {@code /api/docs}).
 * Nothing here writes.
 */
@NullMarked
package org.a4p.portal.api;

import org.jspecify.annotations.NullMarked;
