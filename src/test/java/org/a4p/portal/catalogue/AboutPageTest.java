package org.a4p.portal.catalogue;

import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class AboutPageTest {

	private static final ReferenceCatalogue.Declaration DECLARATION = ReferenceCatalogue.fromClasspath().declaration();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CatalogueQueries catalogue;

	@Test
	void showsTheDeclarationItsReviewClauseTheCatalogueVersionAndProvenance() {
		Document doc = Html.get(this.mvc, "/about", "en");
		assertThat(doc.select(".declaration-title").text())
			.isEqualTo("Declaration of Shared Commitments on UN Peacekeeping Operations");
		assertThat(doc.select(".declaration-facts").text()).contains("Action for Peacekeeping (A4P) launched 28 March 2018",
				"Declaration circulated 16 August 2018", "High-level meeting 25 September 2018",
				"8 thematic areas, 45 trackable commitments");
		assertThat(doc.select(".review-clause").text()).isEqualTo(DECLARATION.reviewClauseEn());
		assertThat(doc.select(".review-clause").attr("lang")).isEqualTo("en");
		assertThat(doc.select(".catalogue-version").text()).contains("“" + this.catalogue.currentVersion().label() + "”");
		assertThat(doc.text()).contains("working rendering", "A4P overview page", "official text", "pending");
	}

	@Test
	void theChineseReviewClauseIsTheCataloguesChinese() {
		Document doc = Html.get(this.mvc, "/about?lang=zh", "en");
		assertThat(doc.select(".declaration-title").text()).isEqualTo(DECLARATION.titleZh());
		assertThat(doc.select(".review-clause").text()).isEqualTo(DECLARATION.reviewClauseZh());
		assertThat(doc.select(".declaration-facts").text()).contains("2018年8月16日", "8 个专题领域，45 项可跟踪的承诺");
	}

}
