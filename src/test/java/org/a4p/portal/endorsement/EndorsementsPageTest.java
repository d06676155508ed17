package org.a4p.portal.endorsement;

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
class EndorsementsPageTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void listsRecordedEndorsementsAndTheUnCountsInSeparateTablesAndSaysWhy() {
		Document doc = Html.get(this.mvc, "/endorsements", "en");
		assertThat(doc.select(".endorsements-difference").text()).startsWith("They are not the same thing.");
		assertThat(doc.select("table")).hasSize(3);
		assertThat(doc.select("table.chart-table")).hasSize(1);
		assertThat(doc.select("table.recorded-endorsements tbody tr").eachAttr("data-code")).containsExactly("PAK", "PHL",
				"POL", "AUC", "EU", "OIF", "NATO");
		assertThat(doc.select("table.recorded-endorsements tbody tr[data-code=PAK]").text()).contains("Pakistan",
				"Member State", "17 August 2018", "A4P reference catalogue (known endorsements)",
				"first endorser, the day after circulation");
		assertThat(doc.select("table.recorded-endorsements tbody tr[data-code=EU]").text()).contains("European Union",
				"Partner organization", "date not recorded", "A4P overview page");
		assertThat(doc.select("table.recorded-endorsements tbody th a").first().attr("href")).isEqualTo("/stakeholders/PAK");
		assertThat(doc.text()).contains("In force today: 3 Member States and 4 organizations.");

		assertThat(doc.select("table.published-counts tbody tr")).hasSize(5);
		assertThat(doc.select("table.published-counts tbody tr").first().text()).isEqualTo("11 September 2018 42 not stated UN spokesperson");
		assertThat(doc.select("table.published-counts tbody tr").last().text())
			.isEqualTo("undated 155 4 latest UN peacekeeping page, undated");
	}

	@Test
	void inChinese() {
		Document doc = Html.get(this.mvc, "/endorsements", "zh");
		assertThat(doc.select("h1").text()).isEqualTo("对《宣言》的核准");
		assertThat(doc.select("table.recorded-endorsements tbody tr[data-code=PAK]").text()).contains("巴基斯坦", "会员国");
		assertThat(doc.select("table.recorded-endorsements tbody tr[data-code=EU]").text()).contains("日期未记录");
		assertThat(doc.select("table.published-counts tbody tr").last().select("th").text()).isEqualTo("未注明日期");
		assertThat(doc.select(".endorsements-difference").text()).startsWith("二者并非同一回事。");
	}

	@Test
	@Transactional
	void aWithdrawnEndorsementStaysListedWithItsWithdrawal() {
		this.jdbc.sql("update endorsement set withdrawn_on = date '2024-06-30', withdrawal_reason = 'Letter to the Secretariat' "
				+ "where stakeholder_id = (select id from stakeholder where code = 'POL')").update();
		Document doc = Html.get(this.mvc, "/endorsements", "en");
		assertThat(doc.select("table.recorded-endorsements tbody tr[data-code=POL]").text())
			.contains("On 30 June 2024: Letter to the Secretariat");
		assertThat(doc.text()).contains("In force today: 2 Member States and 4 organizations.");
	}


	@Test
	void chartsTheEndorsementsInForcePerMonthWithTheUnCountsAsMarkedPointsAndTheSameNumbersAsATable() {
		Document doc = Html.get(this.mvc, "/endorsements", "en");
		String thisMonth = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
		// the month of the first endorsement (Pakistan, 2018-08-17) to this month; the undated organizations count
		// from the first month; the UN's four dated counts, two of them in September 2018
		assertThat(doc.select("table.chart-table tbody tr").eachAttr("data-month")).containsExactly("2018-08", "2018-09",
				"2018-09", "2019-06", "2021-03", thisMonth);
		assertThat(doc.select("table.chart-table tbody tr").get(0).select("td").stream().map(org.jsoup.nodes.Element::text)).containsExactly("1", "4", "");
		assertThat(doc.select("table.chart-table tbody tr").get(2).select("td").stream().map(org.jsoup.nodes.Element::text)).containsExactly("3", "4",
				"146 (as of 25 September 2018)");
		for (String chart : java.util.List.of("svg.chart-wide", "svg.chart-narrow")) {
			org.jsoup.nodes.Element svg = doc.selectFirst(chart);
			assertThat(svg.attr("role")).isEqualTo("img");
			assertThat(svg.select("polyline.chart-recorded")).hasSize(1);
			assertThat(svg.select(".chart-published polygon title").eachText()).containsExactly(
					"Count published by the UN as of 11 September 2018: 42 Member States",
					"Count published by the UN as of 25 September 2018: 146 Member States",
					"Count published by the UN as of 1 June 2019: 151 Member States",
					"Count published by the UN as of 1 March 2021: 154 Member States");
			String labelledBy = svg.attr("aria-labelledby");
			for (String id : labelledBy.split(" ")) {
				assertThat(svg.getElementById(id)).as(id).isNotNull();
			}
			assertThat(svg.select("desc").text()).startsWith("From 2018-08 to " + thisMonth + ": ")
				.contains("(3 at the end)", "4 dated counts published by the UN");
		}
		assertThat(doc.select("svg.chart-wide .chart-labels text").eachText()).contains("0", "2019", "2020");
	}

	@Test
	@Transactional
	void aWithdrawalLowersTheCountFromTheMonthItTookEffect() {
		this.jdbc.sql("update endorsement set withdrawn_on = date '2024-06-30', withdrawal_reason = 'Letter' "
				+ "where stakeholder_id = (select id from stakeholder where code = 'POL')").update();
		Document doc = Html.get(this.mvc, "/endorsements", "en");
		// in force on 30 June (withdrawn that day, not before): counted for June, gone at the end of July
		assertThat(doc.select("table.chart-table tbody tr[data-month=2024-07] td").first().text()).isEqualTo("2");
		assertThat(doc.select("table.chart-table tbody tr[data-month=2024-06]")).isEmpty();
	}

}
