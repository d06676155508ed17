package org.a4p.portal.demo;

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
 */
@Component
@ConditionalOnProperty(name = "portal.demo.action")
class DemoCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);

	private final DemoProperties properties;

	private final DemoDataGenerator generator;

	private final ConfigurableApplicationContext context;

	DemoCommand(DemoProperties properties, DemoDataGenerator generator, ConfigurableApplicationContext context) {
		this.properties = properties;
		this.generator = generator;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		perform();
		if (this.properties.exit()) {
			log.info("Demo data: done; stopping as portal.demo.exit=true asks");
			System.exit(SpringApplication.exit(this.context));
		}
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
