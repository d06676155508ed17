package org.a4p.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time comes only from the portal's injected {@link Clock} (the one bean {@link PortalApplication#clock()}),
 * so tests can move it: no code of the portal (migrations included) reads the system clock itself, as
 * {@code Instant.now()}, {@code LocalDate.now()}, {@code now(zone)}, {@code Clock.systemUTC()},
 * {@code System.currentTimeMillis()} or {@code new Date()} would. ({@code System.nanoTime()} measures
 * durations and is allowed.) ArchUnit comes with Spring Modulith's test starter.
 */
class TimeFromTheClockTest {

	/** The java.time types whose {@code now(...)} reads the system clock unless given a {@link Clock}. */
	static final Set<String> TEMPORALS = Set.of("java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime",
			"java.time.LocalTime", "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.ZonedDateTime",
			"java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

	/** Where the portal's clock is made: the only place allowed to ask for the system clock. */
	static final String THE_CLOCK_BEAN = PortalApplication.class.getName() + ".clock()";

	static final DescribedPredicate<JavaCall<?>> READS_THE_SYSTEM_CLOCK = new DescribedPredicate<>(
			"reads the system clock (use the injected java.time.Clock)") {

		@Override
		public boolean test(JavaCall<?> call) {
			if (call.getOrigin().getFullName().equals(THE_CLOCK_BEAN)) {
				return false;
			}
			String owner = call.getTargetOwner().getName();
			String name = call.getName();
			List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
			if (TEMPORALS.contains(owner) && name.equals("now")) {
				return parameters.stream().noneMatch((type) -> type.isAssignableTo(Clock.class));
			}
			return (owner.equals(Clock.class.getName()) && name.startsWith("system"))
					|| (owner.equals(System.class.getName()) && name.equals("currentTimeMillis"))
					|| (owner.equals(Date.class.getName()) && name.equals("<init>") && parameters.isEmpty())
					|| (owner.equals("java.util.Calendar") && name.equals("getInstance"));
		}

	};

	static final ArchRule TIME_FROM_THE_CLOCK = noClasses().should()
		.callCodeUnitWhere(READS_THE_SYSTEM_CLOCK)
		.because("time comes from the injected Clock, so that tests can move it (docs/architecture.md)");

	@Test
	void thePortalReadsTimeOnlyFromItsClock() {
		JavaClasses portal = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.a4p.portal", "db.migration");
		assertThat(portal.contain(PortalApplication.class)).isTrue();
		TIME_FROM_THE_CLOCK.check(portal);
	}

	/** The rule itself: it finds each way of reading the system clock, and lets the clock's own calls pass. */
	@Test
	void theRuleCatchesEveryWayAroundTheClock() {
		for (Class<?> offender : List.of(InstantNow.class, LocalDateNowInZone.class, SystemClock.class,
				CurrentTimeMillis.class, NewDate.class, NowInALambda.class)) {
			EvaluationResult result = TIME_FROM_THE_CLOCK.evaluate(new ClassFileImporter().importClasses(offender));
			assertThat(result.hasViolation()).as(offender.getSimpleName()).isTrue();
		}
		assertThat(TIME_FROM_THE_CLOCK.evaluate(new ClassFileImporter().importClasses(FromTheClock.class))
			.hasViolation()).isFalse();
	}

	static class InstantNow {

		Instant now() {
			return Instant.now();
		}

	}

	static class LocalDateNowInZone {

		LocalDate today() {
			return LocalDate.now(java.time.ZoneOffset.UTC);
		}

	}

	static class SystemClock {

		Clock clock() {
			return Clock.systemDefaultZone();
		}

	}

	static class CurrentTimeMillis {

		long millis() {
			return System.currentTimeMillis();
		}

	}

	static class NewDate {

		Date date() {
			return new Date();
		}

	}

	static class NowInALambda {

		java.util.function.Supplier<Instant> later() {
			return () -> Instant.now();
		}

	}

	static class FromTheClock {

		LocalDate today(Clock clock) {
			return LocalDate.now(clock);
		}

		Instant now(Clock clock) {
			return clock.instant();
		}

		long elapsed(long started) {
			return System.nanoTime() - started;
		}

	}

}
