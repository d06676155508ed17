package org.a4p.portal.stakeholder;

import java.util.List;

import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class StakeholderListPageTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private static List<String> codes(Document doc) {
		return doc.select("table.stakeholders-table tbody tr").eachAttr("data-code");
	}

	@Test
	void listsTheSecretariatTheMemberStatesAndTheOrganizationsWithLinks() {
		Document doc = Html.get(this.mvc, "/stakeholders", "en");
		List<String> codes = codes(doc);
		assertThat(codes).hasSize(1 + 193 + 4);
		assertThat(codes.get(0)).isEqualTo("SECRETARIAT");
		assertThat(codes.subList(1, 4)).containsExactly("AFG", "ALB", "DZA");
		assertThat(codes.subList(194, 198)).containsExactly("AUC", "EU", "OIF", "NATO");
		assertThat(doc.select("table.stakeholders-table tbody th a").eachAttr("href")).contains(
				"/stakeholders/secretariat", "/stakeholders/PAK", "/organizations/EU");
		assertThat(doc.select("tr[data-code=PAK]").text()).contains("Pakistan", "Member State", "Yes",
				"Member of the Security Council");
		assertThat(doc.select("tr[data-code=FRA]").text()).contains("France", "No", "Member of the Security Council");
		assertThat(doc.select("tr[data-code=SECRETARIAT]").text()).contains("Not needed");
		assertThat(doc.select(".result-count").text()).isEqualTo("198 stakeholders shown.");
		assertThat(doc.select(".filters-ignored")).isEmpty();
	}

	@Test
	void theFilterFormIsAPlainGetFormWithALabelForEverySelect() {
		Document doc = Html.get(this.mvc, "/stakeholders", "en");
		assertThat(doc.select("form.stakeholder-filters").attr("method")).isEqualTo("get");
		assertThat(doc.select("form.stakeholder-filters").attr("action")).isEqualTo("/stakeholders");
		for (String id : List.of("kind", "endorsed", "capacity")) {
			assertThat(doc.select("label[for=" + id + "]")).as(id).hasSize(1);
			assertThat(doc.select("select#" + id).attr("name")).isEqualTo(id);
		}
		assertThat(doc.select("select#capacity option").eachAttr("value")).containsExactly("", "SECURITY_COUNCIL", "TPCC",
				"HOST_STATE");
	}

	@Test
	void filtersByKind() {
		assertThat(codes(Html.get(this.mvc, "/stakeholders?kind=ORGANIZATION", "en"))).containsExactly("AUC", "EU",
				"OIF", "NATO");
		assertThat(codes(Html.get(this.mvc, "/stakeholders?kind=SECRETARIAT", "en"))).containsExactly("SECRETARIAT");
		assertThat(codes(Html.get(this.mvc, "/stakeholders?kind=MEMBER_STATE", "en"))).hasSize(193);
	}

	@Test
	void filtersByEndorsementInForceLeavingOutTheSecretariat() {
		assertThat(codes(Html.get(this.mvc, "/stakeholders?endorsed=yes", "en"))).containsExactly("PAK", "PHL", "POL",
				"AUC", "EU", "OIF", "NATO");
		List<String> notEndorsed = codes(Html.get(this.mvc, "/stakeholders?endorsed=no", "en"));
		assertThat(notEndorsed).hasSize(190).contains("FRA").doesNotContain("SECRETARIAT", "PAK");
	}

	@Test
	void filtersByCapacityHeldInTheCycle() {
		assertThat(codes(Html.get(this.mvc, "/stakeholders?capacity=SECURITY_COUNCIL", "en"))).containsExactlyInAnyOrder(
				"BHR", "CHN", "COD", "COL", "DNK", "FRA", "GBR", "GRC", "LBR", "LVA", "PAK", "PAN", "RUS", "SOM", "USA");
		assertThat(codes(Html.get(this.mvc, "/stakeholders?capacity=TPCC", "en"))).isEmpty();
	}

	@Test
	void combinesFiltersAndKeepsTheChoicesSelected() {
		Document doc = Html.get(this.mvc, "/stakeholders?kind=MEMBER_STATE&endorsed=yes&capacity=SECURITY_COUNCIL", "en");
		assertThat(codes(doc)).containsExactly("PAK");
		assertThat(doc.select("select#kind option[selected]").val()).isEqualTo("MEMBER_STATE");
		assertThat(doc.select("select#endorsed option[selected]").val()).isEqualTo("yes");
		assertThat(doc.select("select#capacity option[selected]").val()).isEqualTo("SECURITY_COUNCIL");
		assertThat(doc.select(".result-count").text()).isEqualTo("One stakeholder shown.");
	}

	@Test
	@Transactional
	void aCapacityAssignedForTheCycleCountsInTheFilter() {
		this.jdbc.sql("insert into capacity_assignment (stakeholder_id, capacity, starts_on) "
				+ "select id, 'TPCC', date '2019-01-01' from stakeholder where code = 'PHL'").update();
		assertThat(codes(Html.get(this.mvc, "/stakeholders?capacity=tpcc", "en"))).containsExactly("PHL");
	}

	/** Our choice, documented here: an invalid value is ignored with a message, never a 400 or a 500. */
	@Test
	void anInvalidFilterValueIsIgnoredWithAMessage() {
		Document doc = Html.get(this.mvc, "/stakeholders?kind=STATE&endorsed=maybe&capacity=ORGANIZATION", "en");
		assertThat(codes(doc)).hasSize(198);
		assertThat(doc.select(".filters-ignored").attr("role")).isEqualTo("status");
		assertThat(doc.select(".filters-ignored li").eachText()).containsExactly(
				"The value “STATE” is not one of the choices for “Kind”, so that filter was ignored.",
				"The value “maybe” is not one of the choices for “Endorsement in force”, so that filter was ignored.",
				"The value “ORGANIZATION” is not one of the choices for “Capacity held”, so that filter was ignored.");
		assertThat(doc.select("select#kind option[selected]")).isEmpty();
	}

	@Test
	void anInvalidValueIsIgnoredInChineseTooAndTheValidOnesStillApply() {
		Document doc = Html.get(this.mvc, "/stakeholders?kind=ORGANIZATION&capacity=ALL", "zh");
		// In Chinese order: 北大西洋公约组织, 法语国家国际组织, 非洲联盟委员会, 欧洲联盟.
		assertThat(codes(doc)).containsExactly("NATO", "OIF", "AUC", "EU");
		assertThat(doc.select(".filters-ignored li").text()).isEqualTo("“ALL”不是“所担任的身份”的可选值，因此该筛选条件已被忽略。");
	}

	@Test
	void markupInAFilterValueIsShownAsText() {
		Document doc = Html.get(this.mvc, "/stakeholders?kind=<script>alert(1)</script>", "en");
		assertThat(doc.select(".filters-ignored li").text()).contains("“<script>alert(1)</script>”");
		assertThat(doc.select("script:not([src])")).as("no inline script").isEmpty();
	}

	@Test
	void repeatedParametersAreIgnoredRatherThanFailing() {
		Document doc = Html.get(this.mvc, "/stakeholders?kind=ORGANIZATION&kind=MEMBER_STATE", "en");
		assertThat(codes(doc)).hasSize(198);
		assertThat(doc.select(".filters-ignored li")).hasSize(1);
	}

	@Test
	void namesAreInTheReadersLanguageAndSortedAsItSorts() {
		Document doc = Html.get(this.mvc, "/stakeholders?kind=ORGANIZATION", "zh");
		assertThat(doc.select("tr[data-code=EU] th").text()).isEqualTo("欧洲联盟（欧盟）");
		Document council = Html.get(this.mvc, "/stakeholders?capacity=SECURITY_COUNCIL&lang=zh", "en");
		List<String> names = council.select("table.stakeholders-table tbody th").eachText();
		assertThat(names).contains("巴基斯坦", "法国", "中国").startsWith("巴基斯坦");
		assertThat(names.get(names.size() - 1)).isEqualTo("中国");
	}

}
