package org.a4p.portal;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The A4P commitments portal. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

	public static void main(String[] args) {
		SpringApplication.run(PortalApplication.class, args);
	}

	/**
	 * The one clock of the portal (UTC). Inject it wherever "now" matters (lock-outs, deadlines)
	 * instead of calling {@code Instant.now()}, so tests can move time instead of sleeping.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
