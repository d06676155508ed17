package org.a4p.portal.demo;

import org.jspecify.annotations.Nullable;

/**
 * The size and seed of a demonstration data set.
 *
 * @param seed the same seed (with the same size, on the same reference data and day) gives the same data
 * @param cycles past closed demo cycles to fill, besides the current open cycle
 * @param entries if not null, exactly this many entries: past cycles are added, newest first, until
 * it is reached, and {@code cycles} is ignored
 */
record DemoRequest(long seed, int cycles, @Nullable Long entries) {

	/** More past cycles than days since 2019 cannot be laid out. */
	static final int MAX_CYCLES = 2000;

	DemoRequest {
		if (cycles < 0 || cycles > MAX_CYCLES) {
			throw new IllegalArgumentException("portal.demo.cycles must be between 0 and " + MAX_CYCLES + ", not " + cycles);
		}
		if (entries != null && (entries < 1 || entries > 20_000_000)) {
			throw new IllegalArgumentException("portal.demo.entries must be between 1 and 20000000, not " + entries);
		}
	}

	static DemoRequest ofCycles(long seed, int cycles) {
		return new DemoRequest(seed, cycles, null);
	}

	static DemoRequest ofEntries(long seed, long entries) {
		return new DemoRequest(seed, 0, entries);
	}

}
