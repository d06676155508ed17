package org.a4p.portal.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Documents the query parameters an answer about a cycle takes: {@code cycle} (a cycle's code; the current
 * cycle when absent; malformed, 400; unknown, 404) and {@code publication} (an earlier publication of a
 * closed cycle, as the pages take it). They are read by {@link org.a4p.portal.publication.Editions}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = "cycle", in = ParameterIn.QUERY, description = "A reporting cycle's code (the current cycle when absent)",
		example = "2025", schema = @Schema(type = "string", pattern = "^[A-Za-z0-9-]{1,20}$"))
@Parameter(name = "publication", in = ParameterIn.QUERY,
		description = "An earlier publication of a closed cycle (its id, as listed by the pages); the one in force when absent",
		schema = @Schema(type = "integer", format = "int64"))
@interface CycleParameter {
}
