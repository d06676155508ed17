package org.a4p.portal.demo;

import org.springframework.context.ApplicationContext;

/**
 * Demonstration data for tests of other modules that need pages full of figures (e.g. screenshots): generated
 * through the portal's own generator, and removed after.
 */
public final class DemoDataFixture {

	private DemoDataFixture() {
	}

	/** Generates demonstration data: the current cycle and {@code pastCycles} closed ones before it. */
	public static void generate(ApplicationContext context, long seed, int pastCycles) {
		context.getBean(DemoDataGenerator.class).generate(DemoRequest.ofCycles(seed, pastCycles));
	}

	/** Removes all demonstration data. */
	public static void remove(ApplicationContext context) {
		context.getBean(DemoDataGenerator.class).remove();
	}

}
