package org.a4p.portal.capacity;

import java.util.Map;

import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.Pages.assertFormErrors;
import static org.a4p.portal.support.Pages.html;
import static org.a4p.portal.support.SignedInUsers.asAdmin;
import static org.a4p.portal.support.SignedInUsers.asDelegate;
import static org.a4p.portal.support.SignedInUsers.asSecretariat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@PortalTest
@Transactional
class CapacityAdminTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private long assignmentId(String code, String capacity) {
		return this.jdbc.sql("select ca.id from capacity_assignment ca join stakeholder s on s.id = ca.stakeholder_id "
				+ "where s.code = ? and ca.capacity = ? order by ca.starts_on desc limit 1").params(code, capacity)
			.query(Long.class).single();
	}

	private Map<String, Object> lastAudit() {
		return this.jdbc.sql("select actor, action, entity_type, entity_id, before_state::text as before_state, "
				+ "after_state::text as after_state from audit_event order by id desc limit 1").query().singleRow();
	}

	private MvcTestResult assign(String code, String capacity, String from, String to) {
		return this.mvc.post().uri("/admin/capacities").with(asAdmin()).with(csrf()).header("Accept-Language", "en")
			.param("stateCode", code).param("capacity", capacity).param("startsOn", from).param("endsOn", to)
			.param("note", "test").exchange();
	}

	@Test
	void theListShowsCurrentAndPastAssignmentsAndFilters() {
		Document all = html(this.mvc.get().uri("/admin/capacities").with(asAdmin()).header("Accept-Language", "en")
			.exchange());
		assertThat(all.select("h1").text()).isEqualTo("Capacities of Member States");
		assertThat(all.select("tbody tr").size()).isGreaterThanOrEqualTo(15);
		Document pak = html(this.mvc.get().uri("/admin/capacities?state=pak&capacity=SECURITY_COUNCIL").with(asAdmin())
			.exchange());
		assertThat(pak.select("tbody tr")).hasSize(1);
		assertThat(pak.select("tbody tr").text()).contains("Pakistan").contains("Security Council member");
		Document permanent = html(this.mvc.get().uri("/admin/capacities?state=China&period=CURRENT").with(asAdmin())
			.exchange());
		assertThat(permanent.select("tbody tr").text()).contains("24 October 1945").contains("no end date");
		Document tpcc = html(this.mvc.get().uri("/admin/capacities?capacity=TPCC").with(asAdmin()).exchange());
		assertThat(tpcc.select("tbody tr")).isEmpty();
	}

	@Test
	void anAdministratorAssignsACapacityForAPeriodWithAnAuditRow() {
		MvcTestResult result = assign("bra", "TPCC", "2020-01-01", "");
		assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/capacities");
		assertThat(count("select count(*) from capacity_assignment ca join stakeholder s on s.id = ca.stakeholder_id "
				+ "where s.code = 'BRA' and ca.capacity = 'TPCC' and ca.starts_on = date '2020-01-01' and ca.ends_on is null"))
			.isEqualTo(1);
		Map<String, Object> audit = lastAudit();
		assertThat(audit.get("action")).isEqualTo("CAPACITY_ASSIGNED");
		assertThat(audit.get("entity_type")).isEqualTo("capacity_assignment");
		assertThat(audit.get("before_state")).isNull();
		assertThat(audit.get("after_state").toString()).contains("\"state\": \"BRA\"").contains("\"capacity\": \"TPCC\"");
	}

	@Test
	void periodsOfTheSameCapacityForTheSameStateMayNotOverlap() {
		// Pakistan sits on the Security Council 2025-2026
		Document page = html(assign("PAK", "SECURITY_COUNCIL", "2026-06-01", "2027-12-31"));
		assertThat(assertFormErrors(page)).containsExactly("startsOn");
		assertThat(page.getElementById("startsOn-error").text()).contains("overlaps").contains("1 January 2025 to 31 December 2026");
		assertThat(page.select("#stateCode option[selected]").val()).isEqualTo("PAK");
		assertThat(page.select("#capacity option[selected]").val()).isEqualTo("SECURITY_COUNCIL");
		assertThat(page.getElementById("endsOn").val()).isEqualTo("2027-12-31");
		// an open-ended permanent seat overlaps any later period
		assertThat(assertFormErrors(html(assign("CHN", "SECURITY_COUNCIL", "2030-01-01", "")))).containsExactly("startsOn");
		// a following term is fine, and so is another capacity
		assertThat(assign("PAK", "SECURITY_COUNCIL", "2027-01-01", "2028-12-31")).hasStatus(HttpStatus.FOUND);
		assertThat(assign("PAK", "TPCC", "2000-01-01", "")).hasStatus(HttpStatus.FOUND);
	}

	@Test
	void badInputIsShownAgainWithItsErrors() {
		Document page = html(assign("EU", "ALL", "", "2020-01-01"));
		assertThat(assertFormErrors(page)).containsExactlyInAnyOrder("stateCode", "capacity", "startsOn");
		assertThat(page.getElementById("stateCode-error").text()).contains("EU is not a Member State");
		Document reversed = html(assign("BRA", "HOST_STATE", "2020-01-01", "2019-12-31"));
		assertThat(assertFormErrors(reversed)).containsExactly("endsOn");
		Document garbage = html(assign("BRA", "KING", "soon", ""));
		assertThat(assertFormErrors(garbage)).contains("capacity", "startsOn");
		assertThat(garbage.getElementById("startsOn").val()).isEqualTo("soon");
		assertThat(count("select count(*) from capacity_assignment ca join stakeholder s on s.id = ca.stakeholder_id "
				+ "where s.code in ('EU', 'BRA')")).isZero();
	}

	@Test
	void endingAnAssignmentSetsItsLastDayAndAuditsBeforeAndAfter() {
		long id = assignmentId("USA", "SECURITY_COUNCIL");
		Document form = html(this.mvc.get().uri("/admin/capacities/" + id + "/end").with(asAdmin()).exchange());
		String version = form.getElementById("version").val();
		Document early = html(this.mvc.post().uri("/admin/capacities/" + id + "/end").with(asAdmin()).with(csrf())
			.header("Accept-Language", "en").param("endsOn", "1900-01-01").param("version", version).exchange());
		assertThat(assertFormErrors(early)).containsExactly("endsOn");
		MvcTestResult ended = this.mvc.post().uri("/admin/capacities/" + id + "/end").with(asAdmin()).with(csrf())
			.param("endsOn", "2030-12-31").param("version", version).exchange();
		assertThat(ended).hasStatus(HttpStatus.FOUND);
		assertThat(this.jdbc.sql("select ends_on::text from capacity_assignment where id = ?").param(id)
			.query(String.class).single()).isEqualTo("2030-12-31");
		Map<String, Object> audit = lastAudit();
		assertThat(audit.get("action")).isEqualTo("CAPACITY_ENDED");
		assertThat(audit.get("before_state").toString()).contains("\"endsOn\": null");
		assertThat(audit.get("after_state").toString()).contains("\"endsOn\": \"2030-12-31\"");
		// the same form again is stale: a conflict page with both versions
		MvcTestResult stale = this.mvc.post().uri("/admin/capacities/" + id + "/end").with(asAdmin()).with(csrf())
			.header("Accept-Language", "en").param("endsOn", "2031-12-31").param("version", version).exchange();
		assertThat(stale).hasStatus(HttpStatus.CONFLICT);
		// dates and the capacity in the reader's language, never as stored (2031-12-31, SECURITY_COUNCIL)
		assertThat(html(stale).select("tbody tr").eachText()).anySatisfy((row) -> assertThat(row)
			.contains("31 December 2031")
			.contains("31 December 2030"));
		assertThat(html(stale).select("main").text()).doesNotContain("2031-12-31").doesNotContain("_");
	}

	@Test
	void endingCannotMakeAnAssignmentOverlapTheNextOne() {
		assertThat(assign("BRA", "TPCC", "2020-01-01", "2020-12-31")).hasStatus(HttpStatus.FOUND);
		assertThat(assign("BRA", "TPCC", "2022-01-01", "")).hasStatus(HttpStatus.FOUND);
		long first = this.jdbc.sql("select ca.id from capacity_assignment ca join stakeholder s on s.id = ca.stakeholder_id "
				+ "where s.code = 'BRA' and ca.starts_on = date '2020-01-01'").query(Long.class).single();
		MvcTestResult result = this.mvc.post().uri("/admin/capacities/" + first + "/end").with(asAdmin()).with(csrf())
			.header("Accept-Language", "en").param("endsOn", "2023-01-01").param("version", "0").exchange();
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(assertFormErrors(html(result))).containsExactly("endsOn");
	}

	@Test
	void onlyAdministratorsMayManageCapacities() {
		long pak = this.jdbc.sql("select id from stakeholder where code = 'PAK'").query(Long.class).single();
		assertThat(this.mvc.get().uri("/admin/capacities").with(asDelegate(pak, "PAK")).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.post().uri("/admin/capacities").with(asSecretariat()).with(csrf())
			.param("stateCode", "BRA").param("capacity", "TPCC").param("startsOn", "2020-01-01").exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.get().uri("/admin/capacities/new").exchange().getResponse().getRedirectedUrl())
			.endsWith("/login");
		assertThat(this.mvc.get().uri("/admin/capacities/999999999/end").with(asAdmin()).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}

}
