package org.a4p.portal.publication;

import org.a4p.portal.support.PortalTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class DashboardPageTest {

	@Autowired
	MockMvcTester mvc;

	private Document page(MvcTestResult result) throws Exception {
		assertThat(result).hasStatus(HttpStatus.OK);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@Test
	void showsEveryAreaWithNoEvidenceWhenNothingIsValidated() throws Exception {
		Document doc = page(this.mvc.get().uri("/").header("Accept-Language", "en").exchange());
		assertThat(doc.select("html").attr("lang")).isEqualTo("en");
		assertThat(doc.title()).isEqualTo("Progress dashboard – A4P commitments portal");
		assertThat(doc.select("h1")).hasSize(1);
		assertThat(doc.select("table.figures-table tbody tr")).hasSize(8);
		assertThat(doc.select("table.figures-table tbody th a").eachAttr("href")).containsExactly("/areas/POL",
				"/areas/WPS", "/areas/PRO", "/areas/SAF", "/areas/PER", "/areas/PBS", "/areas/PAR", "/areas/CON");
		// Politics: 4 collective commitments x 8 endorsers (Secretariat, 3 states, 4 organizations),
		// + POL-6 for the Secretariat, + POL-5 for Pakistan (Security Council member in 2026).
		var politics = doc.select("table.figures-table tbody tr").first().select("td.num");
		assertThat(politics.eachText()).containsExactly("0", "0", "0", "0", "34", "0", "34", "0%");
		assertThat(doc.text()).contains("Recorded in this portal").contains("3 Member States, 4 organizations")
			.contains("155 Member States, 4 organizations");
	}

	@Test
	void speaksChineseWhenTheBrowserPrefersIt() throws Exception {
		Document doc = page(this.mvc.get().uri("/").header("Accept-Language", "de-DE,zh-CN;q=0.8,en;q=0.5").exchange());
		assertThat(doc.select("html").attr("lang")).isEqualTo("zh");
		assertThat(doc.title()).isEqualTo("进展总览 – A4P 承诺门户");
		assertThat(doc.select("table.figures-table tbody th a").first().text()).isEqualTo("政治");
	}

	@Test
	void theLanguageSwitchSetsACookieThatIsRemembered() throws Exception {
		MvcTestResult switched = this.mvc.get().uri("/?lang=zh").header("Accept-Language", "en").exchange();
		assertThat(switched).hasStatus(HttpStatus.OK).cookies().containsCookie("a4p-lang");
		assertThat(Jsoup.parse(switched.getResponse().getContentAsString()).select("html").attr("lang")).isEqualTo("zh");
		Document next = page(this.mvc.get()
			.uri("/")
			.header("Accept-Language", "en")
			.cookie(switched.getResponse().getCookie("a4p-lang"))
			.exchange());
		assertThat(next.select("html").attr("lang")).isEqualTo("zh");
	}

	@Test
	void anUnsupportedLanguageFallsBackToEnglish() throws Exception {
		Document doc = page(this.mvc.get().uri("/?lang=xx").header("Accept-Language", "de").exchange());
		assertThat(doc.select("html").attr("lang")).isEqualTo("en");
	}

	@Test
	void anUnknownAddressGivesA404PageInTheReadersLanguage() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/no-such-page").header("Accept-Language", "zh").exchange();
		assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
	}

}
