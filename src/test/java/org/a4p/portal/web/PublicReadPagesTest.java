package org.a4p.portal.web;

import java.util.stream.Stream;

import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every public read page owes the reader, in English, in Chinese asked for by the browser,
 * and in Chinese chosen with {@code ?lang=zh} against an English browser: its own title, the
 * {@code lang} attribute, one h1, the main landmark, every string resolved, no inline script or
 * style (the Content-Security-Policy forbids them), and the header navigation.
 */
@PortalTest
class PublicReadPagesTest {

	private static final String SITE_EN = "A4P commitments portal";

	private static final String SITE_ZH = "A4P 承诺门户";

	@Autowired
	MockMvcTester mvc;

	static Stream<Arguments> pages() {
		return Stream.of(Arguments.of("/areas/POL", "Politics", "政治"),
				Arguments.of("/commitments/POL-5", "POL-5 Clear, sequenced, prioritized and achievable mandates",
						"POL-5 明确、有序、有重点且可实现的任务授权"),
				Arguments.of("/stakeholders", "Stakeholders", "利益攸关方"),
				Arguments.of("/stakeholders/secretariat", "United Nations Secretariat", "联合国秘书处"),
				Arguments.of("/stakeholders/PAK", "Pakistan", "巴基斯坦"),
				Arguments.of("/stakeholders/FRA", "France", "法国"),
				Arguments.of("/organizations/EU", "European Union", "欧洲联盟（欧盟）"),
				Arguments.of("/endorsements", "Endorsements", "核准情况"),
				Arguments.of("/method", "How the figures are counted", "统计方法"), Arguments.of("/about", "About", "关于"),
				Arguments.of("/stakeholders/progress", "Progress per stakeholder", "各利益攸关方的进展"),
				Arguments.of("/stakeholders/progress/areas", "Progress per stakeholder and area", "各利益攸关方按领域的进展"),
				Arguments.of("/commitments/collective", "Collective commitments", "共同承诺"));
	}

	static Stream<Arguments> unknownCodes() {
		return Stream.of("/areas/XXX", "/areas/POL-1", "/commitments/POL-99", "/commitments/NOPE", "/stakeholders/XYZ",
				"/stakeholders/EU", "/organizations/UN", "/organizations/PAK", "/organizations/SECRETARIAT")
			.map(Arguments::of);
	}

	private void assertWellFormed(Document doc, String lang, String title, String site) {
		assertThat(doc.select("html").attr("lang")).isEqualTo(lang);
		assertThat(doc.title()).isEqualTo(title + " – " + site);
		assertThat(doc.select("h1")).hasSize(1);
		assertThat(doc.select("main#main")).hasSize(1);
		assertThat(doc.html()).doesNotContain("??");
		assertThat(doc.select("[style]")).isEmpty();
		assertThat(doc.select("script:not([src])")).isEmpty();
		assertThat(doc.select("header nav a").eachAttr("href")).contains("/", "/stakeholders", "/endorsements", "/method",
				"/about");
	}

	@ParameterizedTest
	@MethodSource("pages")
	void speaksEnglish(String uri, String titleEn, String titleZh) {
		assertWellFormed(Html.get(this.mvc, uri, "en"), "en", titleEn, SITE_EN);
	}

	@ParameterizedTest
	@MethodSource("pages")
	void speaksChineseWhenTheBrowserAsks(String uri, String titleEn, String titleZh) {
		assertWellFormed(Html.get(this.mvc, uri, "zh-CN,zh;q=0.9"), "zh", titleZh, SITE_ZH);
	}

	@ParameterizedTest
	@MethodSource("pages")
	void speaksChineseWhenTheLanguageSwitchAsks(String uri, String titleEn, String titleZh) {
		Document doc = Html.get(this.mvc, uri + "?lang=zh", "en");
		assertWellFormed(doc, "zh", titleZh, SITE_ZH);
		assertThat(doc.select(".language-switch a[hreflang=en]").attr("href")).isEqualTo(uri + "?lang=en");
	}

	@ParameterizedTest
	@MethodSource("unknownCodes")
	void anUnknownCodeGivesThe404PageInEnglish(String uri) {
		Document doc = Html.expect(this.mvc.get().uri(uri).header("Accept-Language", "en").exchange(),
				HttpStatus.NOT_FOUND);
		assertThat(doc.select("html").attr("lang")).isEqualTo("en");
		assertThat(doc.select("h1").text()).isEqualTo("Page not found");
		assertThat(doc.select(".language-switch a")).hasSize(6);
	}

	@ParameterizedTest
	@MethodSource("unknownCodes")
	void anUnknownCodeGivesThe404PageInChinese(String uri) {
		Document byHeader = Html.expect(this.mvc.get().uri(uri).header("Accept-Language", "zh").exchange(),
				HttpStatus.NOT_FOUND);
		assertThat(byHeader.select("h1").text()).isEqualTo("未找到页面");
		assertThat(byHeader.title()).isEqualTo("未找到页面 – " + SITE_ZH);
		Document bySwitch = Html.expect(
				this.mvc.get().uri(uri + "?lang=zh").header("Accept-Language", "en").exchange(), HttpStatus.NOT_FOUND);
		assertThat(bySwitch.select("html").attr("lang")).isEqualTo("zh");
		assertThat(bySwitch.select("h1").text()).isEqualTo("未找到页面");
	}

	@ParameterizedTest
	@MethodSource("redirects")
	void aCodeInAnotherCaseRedirectsToTheCanonicalAddress(String uri, String canonical) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatus(HttpStatus.MOVED_PERMANENTLY).hasHeader("Location", canonical);
	}

	static Stream<Arguments> redirects() {
		return Stream.of(Arguments.of("/stakeholders/pak", "/stakeholders/PAK"),
				Arguments.of("/stakeholders/Pak?lang=zh", "/stakeholders/PAK?lang=zh"),
				Arguments.of("/stakeholders/SECRETARIAT", "/stakeholders/secretariat"),
				Arguments.of("/organizations/nato", "/organizations/NATO"), Arguments.of("/areas/pol", "/areas/POL"),
				Arguments.of("/commitments/pol-5", "/commitments/POL-5"));
	}

}
