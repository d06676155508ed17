package org.a4p.portal.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * The day the portal is installed, as the reference data migration ({@code V2__Reference_data}) reads it to
 * open the first reporting cycle for that year: from the portal's {@link Clock}, handed to Flyway as the
 * placeholder {@code portal_installation_day} (migrations run before any bean could be injected into them).
 */
@Component
public class InstallationDay implements FlywayConfigurationCustomizer {

	/** The Flyway placeholder holding the day (ISO), set for every migration run by the portal. */
	public static final String PLACEHOLDER = "portal_installation_day";

	private final Clock clock;

	InstallationDay(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void customize(FluentConfiguration configuration) {
		Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
		placeholders.put(PLACEHOLDER, LocalDate.now(this.clock).toString());
		configuration.placeholders(placeholders);
	}

	/**
	 * The day, in a Java migration.
	 * @throws IllegalStateException when Flyway runs outside the portal (nothing set the placeholder)
	 */
	public static LocalDate of(Context context) {
		String day = context.getConfiguration().getPlaceholders().get(PLACEHOLDER);
		if (day == null) {
			throw new IllegalStateException("The Flyway placeholder " + PLACEHOLDER + " is not set: the portal sets it; "
					+ "running Flyway outside the portal, set it to the day (yyyy-mm-dd)");
		}
		return LocalDate.parse(day);
	}

}
