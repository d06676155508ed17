package org.a4p.portal.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The demonstration-data command: runs once the portal has started (database migrated) when
 * {@code portal.demo.action} is given, e.g.
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments="--portal.demo.action=generate --portal.demo.cycles=3 --portal.demo.seed=42"}
 * or {@code java -jar target/a4p-portal-*.jar --portal.demo.action=generate --portal.demo.entries=1000000 --portal.demo.exit=true}.
 * Never runs otherwise.
 * <p>
 * Several instances started with the same arguments do it once: the first takes the job lock named
 * after the action and its arguments (ShedLock, table {@code shedlock}), held while it works (kept
 * alive every minute, so an instance that dies frees it within two) and for
 * {@link #SAME_ARGUMENTS_WINDOW} from its start; another instance started meanwhile with the same
 * arguments logs that it skips it. Different actions at once (generate here, remove there) are
 * serialized by the generator's own transaction lock instead.
 */
@Component
@ConditionalOnProperty(name = "portal.demo.action")
class DemoCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);

	/** The lock's lease, renewed every half of it while the action runs. */
	static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(2);

	/** Another instance started this long after the first with the same arguments skips too. */
	static final Duration SAME_ARGUMENTS_WINDOW = LOCK_AT_MOST_FOR;

	private final DemoProperties properties;

	private final DemoDataGenerator generator;

	private final ConfigurableApplicationContext context;

	private final ExtensibleLockProvider locks;

	private final Clock clock;

	DemoCommand(DemoProperties properties, DemoDataGenerator generator, ConfigurableApplicationContext context,
			ExtensibleLockProvider locks, Clock clock) {
		this.properties = properties;
		this.generator = generator;
		this.context = context;
		this.locks = locks;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		performOnce();
		if (this.properties.exit()) {
			log.info("Demo data: done; stopping as portal.demo.exit=true asks");
			System.exit(SpringApplication.exit(this.context));
		}
	}

	/** {@link #perform()} under the job lock; skipped, with a log line, when another instance holds it. */
	void performOnce() {
		DemoAction action = this.properties.action();
		if (action == null) {
			return;
		}
		String name = lockName();
		ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "demo-lock-keep-alive");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Optional<SimpleLock> lock = new KeepAliveLockProvider(this.locks, keepAlive)
				.lock(new LockConfiguration(this.clock.instant(), name, LOCK_AT_MOST_FOR, SAME_ARGUMENTS_WINDOW));
			if (lock.isEmpty()) {
				log.info("Demo data: skipped: another instance ran or is running portal.demo.action={} with the same "
						+ "arguments (job lock '{}', held while it works and for {} minutes after it started)",
						action.name().toLowerCase(Locale.ROOT), name, SAME_ARGUMENTS_WINDOW.toMinutes());
				return;
			}
			try {
				perform();
			}
			finally {
				lock.get().unlock();
			}
		}
		finally {
			keepAlive.shutdownNow();
		}
	}

	/** The job lock's name: the action and what it makes (at most 64 characters, the column's size). */
	String lockName() {
		DemoProperties p = this.properties;
		String size = (p.entries() != null) ? "entries=" + p.entries() : "cycles=" + p.cycles();
		String name = "demo-data:" + String.valueOf(p.action()).toLowerCase(Locale.ROOT) + ":seed="
				+ p.seed() + ":" + size;
		return (name.length() <= 64) ? name : name.substring(0, 64);
	}

	/** Does what {@code portal.demo.action} says; nothing when it is absent. */
	void perform() {
		DemoAction action = this.properties.action();
		if (action == null) {
			return;
		}
		switch (action) {
			case GENERATE -> this.generator.generate(this.properties.request());
			case REPLACE -> this.generator.replace(this.properties.request());
			case REMOVE -> {
				if (this.generator.remove().nothing()) {
					log.info("Demo data: there was none to remove");
				}
			}
		}
	}

}
