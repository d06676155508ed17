package org.a4p.portal.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random numbers that depend only on the seed and on what they are for (a cycle code, a
 * commitment code, a stakeholder code): each decision gets its own generator, so the data does not
 * change when the order of generation or the size of the data set does.
 */
final class DemoRandom {

	private DemoRandom() {
	}

	static SplittableRandom of(long seed, String... key) {
		long hash = 0xcbf29ce484222325L; // FNV-1a, 64 bits
		for (String part : key) {
			for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
				hash ^= (b & 0xff);
				hash *= 0x100000001b3L;
			}
			hash ^= 0xff;
			hash *= 0x100000001b3L;
		}
		return new SplittableRandom(seed * 0x9e3779b97f4a7c15L ^ hash);
	}

	/** One of the items, uniformly. */
	static <T> T pick(SplittableRandom random, List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

	/** Roughly normal (sum of three uniforms), mean 0, standard deviation about 0.5. */
	static double bell(SplittableRandom random) {
		return random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5;
	}

}
