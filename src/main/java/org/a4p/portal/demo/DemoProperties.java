package org.a4p.portal.demo;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demonstration-data command, off unless {@code portal.demo.action} is given (see README):
 * {@code --portal.demo.action=generate --portal.demo.cycles=3 --portal.demo.seed=42}.
 *
 * @param action what to do once the portal has started; nothing when absent
 * @param seed the same seed and size always give the same data
 * @param cycles past (closed) demo cycles, besides the entries put in the current open cycle
 * @param entries when given, the exact number of entries to make: the number of past cycles then
 * follows from it and {@code cycles} is ignored
 * @param exit stop the portal once the action is done (for scripts and benchmarks)
 */
@ConfigurationProperties("portal.demo")
record DemoProperties(@Nullable DemoAction action, @DefaultValue("42") long seed, @DefaultValue("3") int cycles,
		@Nullable Long entries, @DefaultValue("false") boolean exit) {

	DemoRequest request() {
		return new DemoRequest(this.seed, this.cycles, this.entries);
	}

}
