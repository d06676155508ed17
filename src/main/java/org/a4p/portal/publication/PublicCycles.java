package org.a4p.portal.publication;

import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The reporting cycle a public page shows: the one its {@code ?cycle=} names (an unknown code is not found),
 * else the current one ({@code null} before any cycle exists).
 */
@Component
class PublicCycles {

	private final CycleQueries cycles;

	PublicCycles(CycleQueries cycles) {
		this.cycles = cycles;
	}

	@Nullable CycleView chosen(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return this.cycles.current().orElse(null);
		}
		return this.cycles.byCode(code.strip()).orElseThrow(() -> new NotFoundException("cycle " + code));
	}

}
