package org.a4p.portal.i18n;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One way to write dates, times, numbers and percentages per language (docs/adr/0070-formats-by-locale.md):
 * Western digits everywhere, Arabic included; times in UTC, saying so; names sorted by the language's
 * collation.
 */
class FormatsTest {

	private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

	private static final Instant MOMENT = OffsetDateTime.of(2026, 12, 2, 16, 5, 0, 0, ZoneOffset.ofHours(2)).toInstant();

	private static Formats in(String language) {
		return new Formats(Locale.forLanguageTag(language));
	}

	@Test
	void datesNameTheMonthInTheReadersLanguage() {
		assertThat(in("en").date(DAY)).isEqualTo("2 December 2026");
		assertThat(in("fr").date(DAY)).isEqualTo("2 décembre 2026");
		assertThat(in("es").date(DAY)).isEqualTo("2 de diciembre de 2026");
		assertThat(in("ru").date(DAY)).isEqualTo("2 декабря 2026\u202fг.");
		assertThat(in("zh").date(DAY)).isEqualTo("2026年12月2日");
		assertThat(in("ar").date(DAY)).isEqualTo("2 ديسمبر 2026");
		assertThat(in("en").date(null)).isEmpty();
	}

	@Test
	void timesAreInUtcAndSaySo() {
		assertThat(in("en").dateTime(MOMENT)).isEqualTo("2 Dec 2026, 14:05 UTC");
		assertThat(in("en").dateTime(OffsetDateTime.of(2026, 12, 2, 14, 5, 0, 0, ZoneOffset.UTC))).isEqualTo(
				"2 Dec 2026, 14:05 UTC");
		assertThat(in("ru").dateTime(MOMENT)).contains("14:05").contains("UTC");
		assertThat(in("zh").dateTime(MOMENT)).contains("14:05").contains("UTC");
		// French says "TU" (temps universel)
		assertThat(in("fr").dateTime(MOMENT)).contains("14:05").endsWith(" TU");
		assertThat(in("ar").dateTime(MOMENT)).contains("14:05").contains("التوقيت العالمي");
	}

	@Test
	void arabicUsesWesternDigitsLikeTheOtherLanguages() {
		Formats arabic = in("ar");
		assertThat(arabic.number(1234567)).isEqualTo("1,234,567");
		assertThat(arabic.percent(new BigDecimal("45.5"))).contains("45.5").doesNotContain("٤");
		assertThat(arabic.date(DAY)).doesNotContainPattern("[\u0660-\u0669]");
		assertThat(arabic.dateTime(MOMENT)).doesNotContainPattern("[\u0660-\u0669]");
	}

	@Test
	void numbersAndPercentagesFollowTheLanguage() {
		assertThat(in("en").number(12345)).isEqualTo("12,345");
		assertThat(in("fr").number(12345)).isEqualTo("12\u202f345");
		assertThat(in("es").number(12345)).isEqualTo("12.345");
		assertThat(in("en").percent(new BigDecimal("45.5"))).isEqualTo("45.5%");
		assertThat(in("en").percent(new BigDecimal("50.0"))).isEqualTo("50%");
		assertThat(in("fr").percent(new BigDecimal("45.5"))).isEqualTo("45,5\u00a0%");
		assertThat(in("zh").percent(new BigDecimal("0.0"))).isEqualTo("0%");
	}

	@Test
	void arabicNamesSortByIcuCollationNotTheJdks() {
		// ICU (CLDR) treats alef with hamza as alef: الأردن (Jordan) sorts between أفغانستان (Afghanistan)
		// and ألبانيا (Albania); the JDK puts every hamza-alef name before every name with the article.
		List<String> names = List.of("ألبانيا", "الأردن", "أفغانستان");
		List<String> icu = new ArrayList<>(names);
		icu.sort(Formats.collation(PortalLocales.ARABIC));
		assertThat(icu).containsExactly("أفغانستان", "الأردن", "ألبانيا");
		List<String> jdk = new ArrayList<>(names);
		jdk.sort(Collator.getInstance(PortalLocales.ARABIC));
		assertThat(jdk).isNotEqualTo(icu);
		List<String> chinese = new ArrayList<>(List.of("中国", "阿尔巴尼亚", "巴基斯坦"));
		chinese.sort(Formats.collation(Locale.CHINESE));
		assertThat(chinese).containsExactly("阿尔巴尼亚", "巴基斯坦", "中国");
	}

	@Test
	void languagesAreNamedInThemselvesAndInTheReadersLanguage() {
		assertThat(PortalLocales.SUPPORTED).extracting(Formats::nameInItself)
			.containsExactly("العربية", "中文", "English", "Français", "Русский", "Español");
		assertThat(in("en").languageName("fr")).isEqualTo("French");
		assertThat(in("fr").languageName("ar")).isEqualTo("arabe");
		assertThat(in("ar").direction()).isEqualTo("rtl");
		assertThat(in("zh").direction()).isEqualTo("ltr");
	}

}
