package org.a4p.portal.publication;

import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class MethodPageTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void explainsTheDenominatorTheScaleTheHeadlineFigureAndTheApplicabilityRule() {
		Document doc = Html.get(this.mvc, "/method", "en");
		assertThat(doc.text()).contains("applicable pairs", "denominator", "Reporting compliance",
				"never merged into it", "validated entries only", "in force at any time during the cycle's period");
		assertThat(doc.select(".status-scale dt").eachAttr("data-status")).containsExactly("NO_EVIDENCE", "NOT_STARTED",
				"LIMITED", "SUBSTANTIAL", "COMPLETE", "NOT_APPLICABLE");
		assertThat(doc.select(".status-scale dd").last().text()).contains("leave the denominator");
		assertThat(doc.select(".headline-name").text()).isEqualTo("share Substantial or Complete");
	}

	@Test
	void inChinese() {
		Document doc = Html.get(this.mvc, "/method", "zh");
		assertThat(doc.select(".status-scale dt").eachText()).containsExactly("无证据", "尚未开始", "有限", "显著", "完成", "不适用");
		assertThat(doc.select(".headline-name").text()).isEqualTo("“显著”或“完成”所占比例");
	}

}
