package org.a4p.portal.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Comparator;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.text.Collator;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import org.jspecify.annotations.Nullable;

/**
 * Dates, times, numbers, percentages, language names and sorting in a reader's language, by one set of
 * rules (docs/adr/0070-formats-by-locale.md), all from ICU's locale data:
 * <ul>
 * <li>Western digits (0–9) in every language, Arabic included ({@code ar-u-nu-latn});</li>
 * <li>dates with the month's name, day first where the language puts it first (2 December 2026,
 * 2 ديسمبر 2026, 2026年12月2日); English follows international (UN) usage, not the US order;</li>
 * <li>times on a 24-hour clock, always in UTC and saying so (2 Dec 2026, 14:05 UTC);</li>
 * <li>names sorted by the language's collation (ICU's, which differs from the JDK's for Arabic).</li>
 * </ul>
 * In templates as {@code #fmt} ({@code ${#fmt.date(cycle.deadline)}}), for the page's language.
 * Instances are not thread-safe: one per rendering.
 */
public final class Formats {

	private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

	/** Language names, which never change: by language code (a handful: the portal's and the catalogue's). */
	private static final Map<String, String> NAMES_IN_THEMSELVES = new ConcurrentHashMap<>();

	/** Language names in a reader's language: by reader's ICU locale and language code. */
	private static final Map<String, String> LANGUAGE_NAMES = new ConcurrentHashMap<>();

	/** Beyond this many (codes come from stored data), names are computed each time instead of kept. */
	private static final int MAX_LANGUAGE_NAMES = 1000;

	/**
	 * ICU number skeleton of a percentage given in points, to one decimal at most: 45.5 gives {@code 45.5%}. Message
	 * patterns use the same: {@code {0, number, ::percent .#}}.
	 */
	public static final String PERCENT = "percent .#";

	private final Locale locale;

	private final ULocale icu;

	private @Nullable DateFormat date;

	private @Nullable DateFormat dateTime;

	private final LocalizedNumberFormatter number;

	private final LocalizedNumberFormatter percent;

	public Formats(Locale locale) {
		this.locale = locale;
		this.icu = icu(locale);
		this.number = NumberFormatter.withLocale(this.icu);
		this.percent = NumberFormatter.forSkeleton(PERCENT).locale(this.icu);
	}

	/**
	 * The ICU locale that formats for a reader of {@code locale}: Arabic with Western digits, English
	 * as used internationally (day before month).
	 */
	public static ULocale icu(Locale locale) {
		return switch (locale.getLanguage()) {
			case "ar" -> ULocale.forLanguageTag("ar-u-nu-latn");
			case "en" -> ULocale.forLanguageTag("en-001");
			default -> ULocale.forLocale(locale);
		};
	}

	/** Compares texts (names) as a reader of this language sorts them. */
	public static Comparator<String> collation(Locale locale) {
		Collator collator = Collator.getInstance(icu(locale));
		collator.freeze();
		return collator::compare;
	}

	/** A language's name in that language, as a menu shows it (Français, العربية, 中文). */
	public static String nameInItself(Locale language) {
		// The layout's language switch asks for the six names on every page; ICU builds a LocaleDisplayNames (with
		// a sentence break iterator read from its data files) on each getInstance, a sixth of a page's allocation.
		// Only the portal's languages are asked for (PortalLocales.SUPPORTED), so the map stays that small.
		return NAMES_IN_THEMSELVES.computeIfAbsent(language.getLanguage(), (code) -> {
			ULocale icu = ULocale.forLocale(language);
			return LocaleDisplayNames.getInstance(icu, DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU)
				.languageDisplayName(icu.getLanguage());
		});
	}

	/** A language's name in this reader's language (for: not yet available in French). */
	public String languageName(String language) {
		String key = this.icu.toLanguageTag() + "|" + language;
		String name = LANGUAGE_NAMES.get(key);
		if (name == null) {
			name = LocaleDisplayNames.getInstance(this.icu, DisplayContext.CAPITALIZATION_FOR_MIDDLE_OF_SENTENCE)
				.languageDisplayName(language);
			if (LANGUAGE_NAMES.size() < MAX_LANGUAGE_NAMES) {
				LANGUAGE_NAMES.put(key, name);
			}
		}
		return name;
	}

	public Locale locale() {
		return this.locale;
	}

	/** The page's writing direction, for {@code dir}: {@code rtl} (Arabic) or {@code ltr}. */
	public String direction() {
		return PortalLocales.direction(this.locale);
	}

	public boolean rightToLeft() {
		return PortalLocales.isRightToLeft(this.locale);
	}

	/** A day, such as 2 December 2026 (a date-time is shown as its day in UTC); empty for none. */
	public String date(@Nullable TemporalAccessor day) {
		if (day == null) {
			return "";
		}
		if (this.date == null) {
			this.date = DateFormat.getInstanceForSkeleton("yMMMMd", this.icu);
			this.date.setTimeZone(UTC);
		}
		return this.date.format(toDate(day));
	}

	/** A moment, to the minute, in UTC with the zone named, such as {@code 2 Dec 2026, 14:05 UTC}; empty for none. */
	public String dateTime(@Nullable TemporalAccessor moment) {
		if (moment == null) {
			return "";
		}
		if (this.dateTime == null) {
			this.dateTime = DateFormat.getInstanceForSkeleton("yMMMdHHmmz", this.icu);
			this.dateTime.setTimeZone(UTC);
		}
		return this.dateTime.format(toDate(moment));
	}

	/**
	 * A moment for an HTML {@code datetime} attribute: ISO 8601 in UTC, to the second (HTML allows at most
	 * milliseconds; PostgreSQL keeps microseconds), such as {@code 2026-12-02T14:05:09Z}; empty for none.
	 */
	public String machine(@Nullable TemporalAccessor moment) {
		if (moment == null) {
			return "";
		}
		return toDate(moment).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/** A count or amount with the language's grouping ({@code 1,234}, {@code 1 234}, {@code 1.234}); empty for none. */
	public String number(@Nullable Number value) {
		if (value == null) {
			return "";
		}
		return this.number.format(value).toString();
	}

	/** A percentage given in points (45.5 for 45.5%), one decimal at most ({@code 45.5%}, {@code 45,5 %}); empty for none. */
	public String percent(@Nullable Number points) {
		if (points == null) {
			return "";
		}
		return this.percent.format(points).toString();
	}

	/**
	 * Any value as text for this reader: a day as {@link #date}, another point in time as {@link #dateTime},
	 * a number as {@link #number}, anything else as it is; empty for none.
	 */
	public String value(@Nullable Object value) {
		if (value instanceof LocalDate day) {
			return date(day);
		}
		if (value instanceof TemporalAccessor moment) {
			return dateTime(moment);
		}
		if (value instanceof Number count) {
			return number(count);
		}
		return (value != null) ? value.toString() : "";
	}

	private static Date toDate(TemporalAccessor value) {
		Instant instant;
		if (value instanceof LocalDate day) {
			instant = day.atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		else if (value instanceof LocalDateTime time) {
			instant = time.toInstant(ZoneOffset.UTC);
		}
		else if (value instanceof OffsetDateTime time) {
			instant = time.toInstant();
		}
		else if (value instanceof ZonedDateTime time) {
			instant = time.toInstant();
		}
		else {
			instant = Instant.from(value);
		}
		return Date.from(instant);
	}

}
