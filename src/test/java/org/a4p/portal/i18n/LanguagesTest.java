package org.a4p.portal.i18n;

import java.util.List;
import java.util.Locale;

import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six languages: how a request chooses one ({@code ?lang=}, the cookie it sets, {@code Accept-Language}
 * by its q-values), the language switch (each language in its own name), each page's other-language
 * versions in its head, Arabic right to left with Bootstrap's RTL style sheet, and messages formatted by
 * ICU (plural forms, arguments isolated in right-to-left text).
 */
@PortalTest
class LanguagesTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	MessageSource messages;

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			fr;q=0.5, ar;q=0.9        | ar
			ar;q=0.5, fr;q=0.9        | fr
			de-DE, ru;q=0.3, es;q=0.2 | ru
			es-419, en;q=0.8          | es
			zh-TW, en;q=0.5           | zh
			de, it                    | en
			en;q=0.1, ar              | ar
			""")
	void acceptLanguageChoosesTheMostPreferredOfTheSix(String acceptLanguage, String expected) {
		Document page = Html.get(this.mvc, "/method", acceptLanguage);
		assertThat(page.select("html").attr("lang")).isEqualTo(expected);
	}

	@Test
	void theLanguageSwitchShowsEachLanguageInItsOwnNameInTheUnOrder() {
		Document page = Html.get(this.mvc, "/method", "en");
		List<Element> links = page.select(".language-switch a");
		assertThat(links).extracting((a) -> a.attr("lang"))
			.containsExactly("ar", "zh", "en", "fr", "ru", "es");
		assertThat(links).extracting(Element::text)
			.containsExactly("العربية", "中文", "English", "Français", "Русский", "Español");
		assertThat(links).extracting((a) -> a.attr("hreflang"))
			.containsExactly("ar", "zh", "en", "fr", "ru", "es");
		assertThat(page.select(".language-switch a[aria-current=true]").attr("lang")).isEqualTo("en");
	}

	@Test
	void aLanguageChosenWithLangIsRememberedInACookie() {
		MvcTestResult switched = this.mvc.get().uri("/method?lang=ru").header("Accept-Language", "en").exchange();
		assertThat(switched).hasStatusOk().cookies().containsCookie(PortalLocales.COOKIE);
		assertThat(switched.getResponse().getCookie(PortalLocales.COOKIE).getValue()).isEqualTo("ru");
		Document again = Html.expect(this.mvc.get()
			.uri("/method")
			.header("Accept-Language", "en")
			.cookie(switched.getResponse().getCookie(PortalLocales.COOKIE))
			.exchange(), org.springframework.http.HttpStatus.OK);
		assertThat(again.select("html").attr("lang")).isEqualTo("ru");
		assertThat(again.select("html").attr("dir")).isEqualTo("ltr");
	}

	@Test
	void everyPageLinksItsVersionsInTheOtherLanguagesAndADefault() {
		Document page = Html.get(this.mvc, "/stakeholders?kind=MEMBER_STATE&lang=zh", "en");
		assertThat(page.select("head link[rel=alternate][hreflang]")).extracting((link) -> link.attr("hreflang"))
			.containsExactly("ar", "zh", "en", "fr", "ru", "es", "x-default");
		assertThat(page.select("head link[rel=alternate][hreflang=ar]").attr("href"))
			.isEqualTo("/stakeholders?kind=MEMBER_STATE&lang=ar");
		assertThat(page.select("head link[rel=alternate][hreflang=x-default]").attr("href"))
			.isEqualTo("/stakeholders?kind=MEMBER_STATE");
		Document plain = Html.get(this.mvc, "/about", "fr");
		assertThat(plain.select("head link[rel=alternate][hreflang=x-default]").attr("href")).isEqualTo("/about");
		assertThat(plain.select("head link[rel=alternate][hreflang=es]").attr("href")).isEqualTo("/about?lang=es");
	}

	@Test
	void arabicPagesAreRightToLeftWithBootstrapsRtlStyleSheet() {
		Document arabic = Html.get(this.mvc, "/", "ar");
		assertThat(arabic.select("html").attr("lang")).isEqualTo("ar");
		assertThat(arabic.select("html").attr("dir")).isEqualTo("rtl");
		assertThat(arabic.select("link[rel=stylesheet]").eachAttr("href"))
			.anyMatch((href) -> href.startsWith("/webjars/bootstrap/") && href.endsWith("/dist/css/bootstrap.rtl.min.css"))
			.noneMatch((href) -> href.endsWith("/bootstrap.min.css"));
		Document english = Html.get(this.mvc, "/", "en");
		assertThat(english.select("html").attr("dir")).isEqualTo("ltr");
		assertThat(english.select("link[rel=stylesheet]").eachAttr("href"))
			.anyMatch((href) -> href.startsWith("/webjars/bootstrap/") && href.endsWith("/dist/css/bootstrap.min.css"))
			.noneMatch((href) -> href.contains("rtl"));
		// the style sheet is served
		assertThat(this.mvc.get().uri("/webjars/bootstrap/dist/css/bootstrap.rtl.min.css").exchange()).hasStatusOk();
	}

	@Test
	void pluralFormsFollowEachLanguagesRules() {
		assertThat(caption(1, "en")).isEqualTo("1 submission waiting, reporting cycle 2026");
		assertThat(caption(1200, "en")).isEqualTo("1,200 submissions waiting, reporting cycle 2026");
		assertThat(caption(1, "ru")).startsWith("1 запись ожидает");
		assertThat(caption(3, "ru")).startsWith("3 записи ожидают");
		assertThat(caption(5, "ru")).startsWith("5 записей ожидают");
		assertThat(caption(21, "ru")).startsWith("21 запись ожидает");
		assertThat(caption(0, "ar")).startsWith("لا توجد إدخالات");
		assertThat(caption(1, "ar")).startsWith("إدخال مقدَّم واحد");
		assertThat(caption(2, "ar")).startsWith("إدخالان");
		assertThat(caption(3, "ar")).startsWith("3 إدخالات");
		assertThat(caption(11, "ar")).startsWith("11 إدخالًا");
		assertThat(caption(100, "ar")).startsWith("100 إدخال مقدَّم");
		assertThat(caption(1, "fr")).startsWith("1 soumission en attente");
		assertThat(caption(2, "fr")).startsWith("2 soumissions en attente");
		assertThat(caption(7, "zh")).startsWith("7 项提交等待审核");
		assertThat(caption(1200, "ar")).as("Western digits in Arabic").startsWith("1,200 ");
	}

	@Test
	void textArgumentsAreIsolatedInArabicOnly() {
		assertThat(this.messages.getMessage("entry.caption", new Object[] { "Pakistan", "POL-1" }, Locale.ENGLISH))
			.isEqualTo("Pakistan · reporting cycle POL-1");
		String arabic = this.messages.getMessage("entry.caption", new Object[] { "Pakistan", "DEMO-2025" },
				PortalLocales.ARABIC);
		assertThat(arabic).contains("\u2068Pakistan\u2069").contains("\u2068DEMO-2025\u2069");
	}

	@Test
	void datesInMessagesAreWrittenAsInTables() {
		String french = this.messages.getMessage("cycle.deadline", new Object[] { java.time.LocalDate.of(2026, 12, 31) },
				Locale.FRENCH);
		assertThat(french).contains("31 décembre 2026");
		String english = this.messages.getMessage("cycle.deadline",
				new Object[] { java.time.LocalDate.of(2026, 12, 31) }, Locale.ENGLISH);
		assertThat(english).isEqualTo("Deadline: 31 December 2026.");
	}

	private String caption(int count, String language) {
		return this.messages.getMessage("review.caption", new Object[] { count, "2026" },
				Locale.forLanguageTag(language));
	}

}
