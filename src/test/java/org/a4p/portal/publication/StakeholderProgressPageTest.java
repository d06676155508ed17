package org.a4p.portal.publication;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.a4p.portal.progress.Status;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.PublishedEntries;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress per stakeholder at a glance ({@code /stakeholders/progress}): the rows, the collective row, the change
 * since the previous cycle, sorting, each filter, bad filter values, and figures that agree with each
 * stakeholder's own page and add up to the dashboard's.
 */
@PortalTest
class StakeholderProgressPageTest {

	private static final String OVERVIEW = "/stakeholders/progress";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private Document overview(String query) {
		return Html.get(this.mvc, OVERVIEW + query, "en");
	}

	private static List<String> codes(Document doc) {
		return doc.select("table.overview-table tbody:not(.collective-row) tr").eachAttr("data-code");
	}

	private String currentCycle() {
		return this.jdbc.sql("select code from reporting_cycle order by (state = 'OPEN') desc, period_start desc, id desc limit 1")
			.query(String.class)
			.single();
	}

	/**
	 * Many bound stakeholders and a mix of statuses: every African Member State endorses, a few hold capacities;
	 * every applicable pair of the current cycle gets a validated, submitted or draft entry, or none, by a rule of
	 * its ids; and a closed cycle 2019 has validated entries for some.
	 */
	private void manyEntries() {
		this.jdbc.sql("""
				insert into endorsement (stakeholder_id, endorsed_on, source, note)
				select s.id, date '2019-03-01', 'test', 'test' from stakeholder s
				join member_state_region r on r.stakeholder_id = s.id
				where r.region_code = '002' and not exists (select 1 from endorsement e where e.stakeholder_id = s.id)""")
			.update();
		this.jdbc.sql("""
				insert into capacity_assignment (stakeholder_id, capacity, starts_on, note)
				select s.id, 'TPCC', date '2015-01-01', 'test' from stakeholder s where s.code in ('GHA', 'RWA', 'SEN', 'PAK')
				  and not exists (select 1 from capacity_assignment ca where ca.stakeholder_id = s.id and ca.capacity = 'TPCC')""")
			.update();
		long cycle = this.jdbc.sql("select id from reporting_cycle where code = ?").param(currentCycle()).query(Long.class).single();
		this.jdbc.sql("""
				insert into progress_entry (commitment_id, stakeholder_id, cycle_id, status, workflow_state,
				                            published_status, published_at, submitted_at)
				select ap.commitment_id, ap.stakeholder_id, ap.cycle_id, st.status,
				       case when k < 5 then 'VALIDATED' when k < 7 then 'SUBMITTED' else 'DRAFT' end,
				       case when k < 5 then st.status end,
				       case when k < 5 then timestamptz '2026-01-01 10:00+00' + make_interval(days => cast(k + ap.stakeholder_id % 50 as integer)) end,
				       case when k < 7 then now() end
				from applicable_pair ap
				cross join lateral (select (ap.commitment_id * 7 + ap.stakeholder_id * 13) % 10 as k) kk
				cross join lateral (select (array['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE', 'NOT_APPLICABLE'])
				                           [1 + (ap.commitment_id * 3 + ap.stakeholder_id) % 5] as status) st
				where ap.cycle_id = ? and k < 9
				on conflict do nothing""").param(cycle).update();
		PublishedEntries.closedCycle(this.jdbc, "2019");
		this.jdbc.sql("""
				insert into progress_entry (commitment_id, stakeholder_id, cycle_id, status, workflow_state,
				                            published_status, published_at)
				select ap.commitment_id, ap.stakeholder_id, ap.cycle_id, 'COMPLETE', 'VALIDATED', 'COMPLETE', now()
				from applicable_pair ap join reporting_cycle rc on rc.id = ap.cycle_id
				where rc.code = '2019' and (ap.commitment_id + ap.stakeholder_id) % 3 = 0""").update();
	}

	@Test
	void listsEveryStakeholderCommitmentsApplyToWithTheCollectiveCommitmentsAsAWholeFirst() {
		Document doc = overview("");
		assertThat(doc.title()).isEqualTo("Progress per stakeholder – A4P commitments portal");
		assertThat(doc.select("h1").text()).isEqualTo("Progress per stakeholder");
		// the Secretariat, the three states that endorsed and the four organizations, by name
		assertThat(codes(doc)).containsExactly("AUC", "EU", "OIF", "NATO", "PAK", "PHL", "POL", "SECRETARIAT");
		assertThat(doc.select(".result-count").text()).isEqualTo("8 stakeholders shown.");
		Element collective = doc.selectFirst("tbody.collective-row tr");
		assertThat(collective.select("th a").attr("href")).isEqualTo("/commitments/collective");
		assertThat(collective.select("th").text()).isEqualTo("Collective commitments as a whole");
		// 22 collective commitments x 8 stakeholders, nothing validated
		assertThat(collective.select("td.pairs").text()).isEqualTo("176");
		assertThat(collective.select("td.share").text()).isEqualTo("0%");
		Element pak = doc.selectFirst("tr[data-code=PAK]");
		assertThat(pak.select("th a").attr("href")).isEqualTo("/stakeholders/PAK");
		assertThat(pak.select("td.pairs").text()).isEqualTo("23");
		assertThat(pak.select(".bar-counts").text()).isEqualTo("No evidence: 23");
		assertThat(pak.select("svg.status-bar").attr("aria-label")).isEqualTo("Status distribution: Pakistan");
		assertThat(pak.select("td.validated").text()).isEqualTo("none");
		// no earlier cycle: no change to show
		assertThat(pak.select("td.change").text()).isEqualTo("–");
		assertThat(doc.select("table.overview-table caption").text())
			.isEqualTo("Published progress per stakeholder, reporting cycle " + currentCycle() + " (sorted by name, ascending)");
	}

	@Test
	void aScrollingTableIsAFocusableLabelledRegion() {
		Document doc = overview("");
		Element region = doc.selectFirst(".table-scroll");
		assertThat(region.attr("tabindex")).isEqualTo("0");
		assertThat(region.attr("role")).isEqualTo("region");
		assertThat(doc.getElementById(region.attr("aria-labelledby")).tagName()).isEqualTo("caption");
		assertThat(doc.select("table.overview-table thead th")).allMatch((th) -> th.attr("scope").equals("col"));
		assertThat(doc.select("table.overview-table tbody th")).allMatch((th) -> th.attr("scope").equals("row"));
	}

	@Test
	@Transactional
	void theChangeSinceThePreviousCycleIsInPointsOfTheShareSubstantialOrComplete() {
		PublishedEntries.closedCycle(this.jdbc, "2019");
		// 2019: Pakistan, 22 collective commitments; 11 Complete = 50%
		this.jdbc.sql("""
				insert into progress_entry (commitment_id, stakeholder_id, cycle_id, status, workflow_state,
				                            published_status, published_at)
				select c.id, s.id, rc.id, 'COMPLETE', 'VALIDATED', 'COMPLETE', now()
				from commitment c, stakeholder s, reporting_cycle rc
				where c.owner = 'COLLECTIVE' and s.code = 'PAK' and rc.code = '2019' and c.code in
				      ('POL-1', 'POL-2', 'POL-3', 'POL-4', 'WPS-1', 'WPS-2', 'WPS-3', 'PRO-1', 'PRO-2', 'PRO-3', 'SAF-1')""")
			.update();
		assertThat(this.jdbc.sql("select count(*) from progress_entry pe join reporting_cycle rc on rc.id = pe.cycle_id "
				+ "where rc.code = '2019'").query(Long.class).single()).isEqualTo(11);
		// now: 23 apply, 2 Substantial (8.7%), validated on 2026-03-05 and 2026-04-02
		PublishedEntries.validated(this.jdbc, "POL-1", "PAK", Status.SUBSTANTIAL);
		PublishedEntries.validated(this.jdbc, "POL-5", "PAK", Status.SUBSTANTIAL);
		this.jdbc.sql("update progress_entry set published_at = case commitment_id "
				+ "when (select id from commitment where code = 'POL-5') then timestamptz '2026-04-02 23:30+00' "
				+ "else timestamptz '2026-03-05 08:00+00' end "
				+ "where stakeholder_id = (select id from stakeholder where code = 'PAK') "
				+ "and cycle_id = (select id from reporting_cycle where state = 'OPEN' order by period_start desc limit 1)").update();
		Document doc = overview("");
		Element pak = doc.selectFirst("tr[data-code=PAK]");
		assertThat(pak.select("td.share").text()).isEqualTo("8.7%");
		// 2/23 - 11/22 = 8.696 - 50 = -41.3 points
		assertThat(pak.select("td.change").text()).isEqualTo("−41.3");
		assertThat(pak.select("td.validated").text()).isEqualTo("2 April 2026");
		assertThat(doc.select("table.overview-table thead th").eachText())
			.anyMatch((t) -> t.startsWith("Change since 2019 (points)"));
		// the Philippines, bound in both cycles with nothing validated: no change
		assertThat(doc.selectFirst("tr[data-code=PHL]").select("td.change").text()).isEqualTo("0.0");
	}

	@Test
	@Transactional
	void theFiguresOfEveryRowEqualThoseOfTheStakeholdersOwnPageAndAddUpToTheDashboard() {
		manyEntries();
		Document doc = overview("");
		List<Element> rows = doc.select("table.overview-table tbody:not(.collective-row) tr");
		assertThat(rows).hasSizeGreaterThan(50);
		Map<Status, Long> sum = new HashMap<>();
		long pairs = 0;
		for (Element row : rows) {
			String href = row.select("th a").attr("href");
			Document own = Html.get(this.mvc, href, "en");
			List<String> cards = own.select(".applicable .figure-value").eachText();
			assertThat(row.select("td.pairs").text()).as(href).isEqualTo(cards.get(0));
			assertThat(row.select("td.share").text()).as(href).isEqualTo(cards.get(1));
			assertThat(row.select("td.compliance").text()).as(href).isEqualTo(cards.get(2));
			Map<Status, Long> counts = barCounts(row);
			assertThat(counts).as(href).isEqualTo(statusCounts(own.selectFirst(".applicable .status-counts")));
			counts.forEach((status, n) -> sum.merge(status, n, Long::sum));
			pairs += Long.parseLong(row.select("td.pairs").text().replace(",", ""));
		}
		Document dashboard = Html.get(this.mvc, "/", "en");
		List<String> cards = dashboard.select("#overall-heading + .figures .figure-value").eachText();
		org.a4p.portal.i18n.Formats english = new org.a4p.portal.i18n.Formats(java.util.Locale.ENGLISH);
		assertThat(english.number(pairs)).isEqualTo(cards.get(0));
		assertThat(english.number(sum.getOrDefault(Status.NO_EVIDENCE, 0L))).isEqualTo(cards.get(3));
		long substantialOrComplete = sum.getOrDefault(Status.SUBSTANTIAL, 0L) + sum.getOrDefault(Status.COMPLETE, 0L);
		long denominator = pairs - sum.getOrDefault(Status.NOT_APPLICABLE, 0L);
		assertThat(cards.get(1)).isEqualTo(percent(substantialOrComplete, denominator));
		// per status, against the dashboard's table (its columns: the scale, then not applicable)
		Map<Status, Long> byArea = new HashMap<>();
		for (Element tr : dashboard.select("table.figures-table tbody tr")) {
			List<String> nums = tr.select("td.num").eachText();
			for (int i = 0; i < Status.SCALE.size(); i++) {
				byArea.merge(Status.SCALE.get(i), Long.parseLong(nums.get(i)), Long::sum);
			}
			byArea.merge(Status.NOT_APPLICABLE, Long.parseLong(nums.get(Status.SCALE.size())), Long::sum);
		}
		byArea.values().removeIf((n) -> n == 0);
		assertThat(sum).isEqualTo(byArea);
	}

	@Test
	@Transactional
	void eachRowsStatusCountsAreTextBesideTheBar() {
		PublishedEntries.validated(this.jdbc, "POL-1", "PHL", Status.COMPLETE);
		PublishedEntries.validated(this.jdbc, "POL-2", "PHL", Status.NOT_APPLICABLE);
		Element phl = overview("").selectFirst("tr[data-code=PHL]");
		assertThat(phl.select(".bar-counts li").eachText()).containsExactly("Complete: 1", "No evidence: 20",
				"Not applicable: 1");
		assertThat(phl.select("svg rect title").eachText()).contains("Complete: 1", "No evidence: 20");
	}

	@Test
	@Transactional
	void sortsByAnyColumnWithTheDirectionInTheAddressAndSaysSo() {
		PublishedEntries.validated(this.jdbc, "POL-1", "PHL", Status.COMPLETE);
		PublishedEntries.validated(this.jdbc, "POL-2", "PHL", Status.COMPLETE);
		PublishedEntries.validated(this.jdbc, "POL-1", "EU", Status.SUBSTANTIAL);
		Document byShare = overview("?sort=share");
		// largest first, then by name
		assertThat(codes(byShare).subList(0, 3)).containsExactly("PHL", "EU", "AUC");
		Element shareHeading = byShare.selectFirst("th:has(a[href*=sort=share])");
		assertThat(shareHeading.attr("aria-sort")).isEqualTo("descending");
		assertThat(byShare.select("th[aria-sort]")).hasSize(1);
		// following the heading again reverses the order
		assertThat(shareHeading.select("a").attr("href")).isEqualTo("/stakeholders/progress?sort=share&dir=asc");
		assertThat(codes(overview("?sort=share&dir=asc")).subList(5, 8)).containsExactly("SECRETARIAT", "EU", "PHL");
		assertThat(codes(overview("?sort=name&dir=desc"))).containsExactly("SECRETARIAT", "POL", "PHL", "PAK", "NATO",
				"OIF", "EU", "AUC");
		Document byPairs = overview("?sort=pairs");
		assertThat(codes(byPairs).get(0)).isEqualTo("SECRETARIAT");
		assertThat(byPairs.select("caption").text()).endsWith("(sorted by applicable pairs, descending)");
		assertThat(codes(overview("?sort=validated")).subList(0, 2)).containsExactlyInAnyOrder("PHL", "EU");
		assertThat(codes(overview("?sort=compliance")).subList(0, 2)).containsExactly("PHL", "EU");
		assertThat(codes(overview("?sort=change"))).hasSize(8);
		// the filter form keeps the order, the sort links keep the filters
		Document filtered = overview("?kind=ORGANIZATION&sort=share");
		assertThat(filtered.select("form.progress-filters input[name=sort]").val()).isEqualTo("share");
		assertThat(filtered.select("form.progress-filters input[name=dir]").val()).isEqualTo("desc");
		assertThat(filtered.selectFirst("th:has(a[href*=sort=name]) a").attr("href"))
			.isEqualTo("/stakeholders/progress?kind=ORGANIZATION&sort=name&dir=asc");
	}

	@Test
	void filtersByKindCapacityRegionAndEndorsement() {
		// by name: African Union Commission, European Union, International Organisation of la Francophonie, NATO
		assertThat(codes(overview("?kind=ORGANIZATION"))).containsExactly("AUC", "EU", "OIF", "NATO");
		assertThat(codes(overview("?kind=member_state"))).containsExactly("PAK", "PHL", "POL");
		assertThat(codes(overview("?kind=SECRETARIAT"))).containsExactly("SECRETARIAT");
		// Pakistan holds a Security Council seat in the cycle; France does too but has not endorsed
		assertThat(codes(overview("?capacity=SECURITY_COUNCIL"))).containsExactly("PAK");
		assertThat(codes(overview("?region=142"))).containsExactly("PAK", "PHL");
		assertThat(codes(overview("?region=034"))).containsExactly("PAK");
		assertThat(codes(overview("?region=150"))).containsExactly("POL");
		assertThat(codes(overview("?endorsed=yes"))).containsExactly("AUC", "EU", "OIF", "NATO", "PAK", "PHL", "POL");
		assertThat(codes(overview("?kind=MEMBER_STATE&region=142&capacity=SECURITY_COUNCIL"))).containsExactly("PAK");
		// the collective row then counts the stakeholders shown
		Element collective = overview("?kind=ORGANIZATION").selectFirst("tbody.collective-row tr");
		assertThat(collective.select("th").text()).isEqualTo("Collective commitments as a whole (stakeholders shown)");
		assertThat(collective.select("td.pairs").text()).isEqualTo("88");
		// empty values do not filter (what the form sends for "Any")
		assertThat(codes(overview("?kind=&capacity=&region=&endorsed="))).hasSize(8);
		// nothing matches
		Document none = overview("?kind=ORGANIZATION&region=142");
		assertThat(none.select(".list-empty").text()).isEqualTo("No stakeholder matches these filters.");
		assertThat(none.select("table")).isEmpty();
	}

	@Test
	void notEndorsedListsTheStatesAndOrganizationsToWhichNothingAppliedAndSaysWhy() {
		Document doc = overview("?endorsed=no");
		List<String> codes = codes(doc);
		assertThat(codes).hasSize(193 - 3).contains("FRA", "BRA").doesNotContain("PAK", "EU", "SECRETARIAT");
		assertThat(doc.select(".unbound-explained").text()).startsWith("These Member States and organizations had no endorsement");
		assertThat(doc.selectFirst("tr[data-code=FRA]").text()).contains("Not endorsed in this cycle: nothing applies.");
		assertThat(doc.select("tbody.collective-row")).isEmpty();
		// a capacity then counts when an assignment overlaps the cycle: France's permanent seat
		assertThat(codes(overview("?endorsed=no&capacity=SECURITY_COUNCIL"))).containsExactlyInAnyOrder("CHN", "DNK", "FRA",
				"GRC", "PAN", "RUS", "SOM", "GBR", "USA", "BHR", "COL", "COD", "LVA", "LBR");
	}

	@Test
	void theFilterFormIsAPlainGetFormWithALabelForEverySelect() {
		Document doc = overview("?region=034");
		Element form = doc.selectFirst("form.progress-filters");
		assertThat(form.attr("method")).isEqualTo("get");
		assertThat(form.attr("action")).isEqualTo(OVERVIEW);
		for (String id : List.of("kind", "capacity", "region", "endorsed")) {
			assertThat(doc.select("label[for=" + id + "]")).as(id).hasSize(1);
			assertThat(doc.select("select#" + id).attr("name")).isEqualTo(id);
		}
		assertThat(doc.select("select#region optgroup").eachAttr("label")).containsExactly("Africa", "Americas", "Asia",
				"Europe", "Oceania");
		assertThat(doc.select("select#region option[selected]").text()).isEqualTo("Southern Asia");
		assertThat(doc.select("select#region optgroup[label=Africa] option").eachText()).startsWith("Africa (whole region)",
				"Northern Africa", "Sub-Saharan Africa", "Sub-Saharan Africa: Eastern Africa");
		assertThat(doc.select("select#capacity option").eachAttr("value")).containsExactly("", "SECURITY_COUNCIL", "TPCC",
				"HOST_STATE");
	}

	@Test
	void aValueThatIsNotOneOfTheChoicesIsABadRequestThatSaysWhich() {
		for (String query : List.of("?kind=STATE", "?capacity=ALL", "?region=999", "?region=africa", "?endorsed=maybe",
				"?sort=colour", "?dir=up", "?kind=ORGANIZATION&kind=MEMBER_STATE")) {
			Document doc = Html.expect(this.mvc.get().uri(OVERVIEW + query).header("Accept-Language", "en").exchange(),
					HttpStatus.BAD_REQUEST);
			assertThat(doc.select("h1").text()).as(query).isEqualTo("This page does not understand the address");
			assertThat(doc.select(".bad-filters li")).as(query).hasSize(1);
			assertThat(doc.select("a[href=" + OVERVIEW + "]")).as(query).isNotEmpty();
		}
		Document two = Html.expect(this.mvc.get().uri(OVERVIEW + "?kind=x&region=<b>").header("Accept-Language", "en").exchange(),
				HttpStatus.BAD_REQUEST);
		assertThat(two.select(".bad-filters li").eachText()).containsExactly("“x” is not one of the choices for “kind”.",
				"“<b>” is not one of the choices for “region”.");
		assertThat(two.select(".bad-filters b")).isEmpty();
	}

	@Test
	void anUnknownCycleIsNotFound() {
		assertThat(this.mvc.get().uri(OVERVIEW + "?cycle=1999").header("Accept-Language", "en").exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	@Transactional
	void anEarlierCycleCanBeAskedForAndTheLinksKeepIt() {
		PublishedEntries.closedCycle(this.jdbc, "2019");
		PublishedEntries.validatedIn(this.jdbc, "2019", "POL-1", "PAK", Status.COMPLETE);
		Document doc = overview("?cycle=2019");
		assertThat(doc.select(".cycle-line").text()).startsWith("Reporting cycle 2019 (1 January 2019 to 31 December 2019) closed");
		assertThat(doc.selectFirst("tr[data-code=PAK]").select("th a").attr("href")).isEqualTo("/stakeholders/PAK?cycle=2019");
		assertThat(doc.selectFirst("tr[data-code=PAK]").select("td.share").text()).isEqualTo("4.5%");
		assertThat(doc.select("form.progress-filters input[name=cycle]").val()).isEqualTo("2019");
	}

	@Test
	void inChinese() {
		Document doc = Html.get(this.mvc, OVERVIEW + "?region=034", "zh");
		assertThat(doc.select("h1").text()).isEqualTo("各利益攸关方的进展");
		assertThat(doc.selectFirst("tr[data-code=PAK]").select("th").text()).isEqualTo("巴基斯坦");
		assertThat(doc.select("select#region option[selected]").text()).isEqualTo("南亚");
		assertThat(doc.select("tbody.collective-row th").text()).isEqualTo("作为整体的共同承诺（所显示的利益攸关方）");
	}

	/** "Complete: 3" … from the text beside a row's bar. */
	static Map<Status, Long> barCounts(Element row) {
		Map<Status, Long> counts = new HashMap<>();
		for (String item : row.select(".bar-counts li").eachText()) {
			Matcher m = Pattern.compile("(.+): (\\d+)").matcher(item);
			assertThat(m.matches()).as(item).isTrue();
			counts.put(status(m.group(1)), Long.parseLong(m.group(2)));
		}
		return counts;
	}

	/** "Complete 3 (1.5%)" … from a stakeholder page's counts; zeros left out. */
	static Map<Status, Long> statusCounts(Element dl) {
		Map<Status, Long> counts = new HashMap<>();
		for (Element div : dl.select("div")) {
			long n = Long.parseLong(div.selectFirst("dd").text().replaceAll(" .*", ""));
			if (n > 0) {
				counts.put(status(div.selectFirst("dt").text()), n);
			}
		}
		return counts;
	}

	private static Status status(String name) {
		return switch (name) {
			case "Complete" -> Status.COMPLETE;
			case "Substantial" -> Status.SUBSTANTIAL;
			case "Limited" -> Status.LIMITED;
			case "Not started" -> Status.NOT_STARTED;
			case "No evidence" -> Status.NO_EVIDENCE;
			case "Not applicable" -> Status.NOT_APPLICABLE;
			default -> throw new AssertionError("status " + name);
		};
	}

	/** As the figures show a percentage: one decimal, trailing zero dropped ("12.5%", "20%"). */
	static String percent(long part, long whole) {
		java.math.BigDecimal value = (whole == 0) ? java.math.BigDecimal.ZERO
				: java.math.BigDecimal.valueOf(part * 100).divide(java.math.BigDecimal.valueOf(whole), 1,
						java.math.RoundingMode.HALF_UP);
		return value.stripTrailingZeros().toPlainString() + "%";
	}

}
