package org.a4p.portal.cycle;

import java.time.LocalDate;
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
import static org.a4p.portal.support.SignedInUsers.asSecretariat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@PortalTest
@Transactional
class CycleAdminTest {

	private static final int NEXT_YEAR = LocalDate.now().getYear() + 1;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private long currentCycle() {
		return this.jdbc.sql("select id from reporting_cycle where state = 'OPEN' order by period_start desc limit 1")
			.query(Long.class).single();
	}

	private Map<String, Object> cycle(long id) {
		return this.jdbc.sql("select code, deadline::text as deadline, state, version from reporting_cycle where id = ?")
			.param(id).query().singleRow();
	}

	private Map<String, Object> lastAudit() {
		return this.jdbc.sql("select action, entity_type, entity_id, before_state::text as before_state, "
				+ "after_state::text as after_state from audit_event order by id desc limit 1").query().singleRow();
	}

	private MvcTestResult create(String code, String start, String end, String opens, String deadline) {
		return this.mvc.post().uri("/admin/cycles").with(asAdmin()).with(csrf()).header("Accept-Language", "en")
			.param("code", code).param("periodStart", start).param("periodEnd", end).param("opensOn", opens)
			.param("deadline", deadline).param("state", "CLOSED").exchange();
	}

	@Test
	void anAdministratorCreatesTheNextCycleWithAnAuditRow() {
		String y = String.valueOf(NEXT_YEAR);
		MvcTestResult result = create(y, y + "-01-01", y + "-12-31", y + "-01-15", (NEXT_YEAR + 1) + "-01-31");
		assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/cycles");
		Map<String, Object> row = this.jdbc.sql("select id, state, opens_on::text as opens_on from reporting_cycle "
				+ "where code = ?").param(y).query().singleRow();
		assertThat(row.get("state")).isEqualTo("CLOSED");
		Map<String, Object> audit = lastAudit();
		assertThat(audit.get("action")).isEqualTo("CYCLE_CREATED");
		assertThat(audit.get("entity_id")).isEqualTo(row.get("id").toString());
		assertThat(audit.get("after_state").toString()).contains("\"opensOn\": \"" + y + "-01-15\"");
		Document list = html(this.mvc.get().uri("/admin/cycles").with(asAdmin()).exchange());
		assertThat(list.select("tbody th").eachText()).anySatisfy((code) -> assertThat(code).startsWith(y));
	}

	@Test
	void codesAreUniqueAndPeriodsDoNotOverlap() {
		int year = LocalDate.now().getYear();
		Document taken = html(create(String.valueOf(year), NEXT_YEAR + "-01-01", NEXT_YEAR + "-12-31",
				NEXT_YEAR + "-01-01", NEXT_YEAR + "-12-31"));
		assertThat(assertFormErrors(taken)).containsExactly("code");
		assertThat(taken.getElementById("code-error").text()).contains("already a reporting cycle with the code " + year);
		Document overlap = html(create("mid-" + year, year + "-07-01", NEXT_YEAR + "-06-30", year + "-07-01",
				year + "-12-31"));
		assertThat(assertFormErrors(overlap)).containsExactly("periodStart");
		assertThat(overlap.getElementById("periodStart-error").text()).contains("overlaps reporting cycle " + year);
	}

	@Test
	void datesMustBeInOrderAndEveryValueIsKept() {
		Document page = html(create("2031 bad", "2031-12-31", "2031-01-01", "2031-05-01", "2031-04-30"));
		assertThat(assertFormErrors(page)).containsExactlyInAnyOrder("code", "periodEnd", "deadline");
		assertThat(page.getElementById("code").val()).isEqualTo("2031 bad");
		assertThat(page.getElementById("periodStart").val()).isEqualTo("2031-12-31");
		assertThat(page.getElementById("deadline").val()).isEqualTo("2031-04-30");
		assertThat(page.select("input[name=state][checked]").val()).isEqualTo("CLOSED");
		Document empty = html(this.mvc.post().uri("/admin/cycles").with(asAdmin()).with(csrf()).exchange());
		assertThat(assertFormErrors(empty)).contains("code", "periodStart", "periodEnd", "opensOn", "deadline");
		assertThat(this.jdbc.sql("select count(*) from reporting_cycle").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theDeadlineCanBeMovedButNotBeforeTheOpening() {
		long id = currentCycle();
		Document form = html(this.mvc.get().uri("/admin/cycles/" + id + "/deadline").with(asAdmin()).exchange());
		String version = form.getElementById("version").val();
		String opens = LocalDate.now().getYear() + "-01-01";
		Document early = html(this.mvc.post().uri("/admin/cycles/" + id + "/deadline").with(asAdmin()).with(csrf())
			.header("Accept-Language", "en").param("deadline", "1999-01-01").param("version", version).exchange());
		assertThat(assertFormErrors(early)).containsExactly("deadline");
		assertThat(early.getElementById("deadline").val()).isEqualTo("1999-01-01");
		String later = NEXT_YEAR + "-02-15";
		assertThat(this.mvc.post().uri("/admin/cycles/" + id + "/deadline").with(asAdmin()).with(csrf())
			.param("deadline", later).param("version", version).exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(cycle(id).get("deadline")).isEqualTo(later);
		Map<String, Object> audit = lastAudit();
		assertThat(audit.get("action")).isEqualTo("CYCLE_DEADLINE_CHANGED");
		assertThat(audit.get("before_state").toString()).contains("\"opensOn\": \"" + opens + "\"");
		assertThat(audit.get("after_state").toString()).contains("\"deadline\": \"" + later + "\"");
		// a second change from the same (stale) form is a conflict
		assertThat(this.mvc.post().uri("/admin/cycles/" + id + "/deadline").with(asAdmin()).with(csrf())
			.param("deadline", NEXT_YEAR + "-03-01").param("version", version).exchange()).hasStatus(HttpStatus.CONFLICT);
		assertThat(cycle(id).get("deadline")).isEqualTo(later);
	}

	@Test
	void aCycleIsClosedAndReopenedWithAnAuditRowEachTime() {
		long id = currentCycle();
		MvcTestResult closed = this.mvc.post().uri("/admin/cycles/" + id + "/close").with(asAdmin()).with(csrf())
			.param("version", cycle(id).get("version").toString()).exchange();
		assertThat(closed).hasStatus(HttpStatus.FOUND);
		assertThat(closed).flash().containsEntry("flashKey", "admin.cycles.closed");
		assertThat(cycle(id).get("state")).isEqualTo("CLOSED");
		Map<String, Object> audit = lastAudit();
		assertThat(audit.get("action")).isEqualTo("CYCLE_CLOSED");
		assertThat(audit.get("before_state").toString()).contains("\"state\": \"OPEN\"");
		assertThat(audit.get("after_state").toString()).contains("\"state\": \"CLOSED\"");
		Document list = html(this.mvc.get().uri("/admin/cycles").with(asAdmin()).header("Accept-Language", "en").exchange());
		assertThat(list.select("#cycle-" + id + " form[action$=/reopen]")).hasSize(1);
		assertThat(this.mvc.post().uri("/admin/cycles/" + id + "/reopen").with(asAdmin()).with(csrf()).exchange())
			.hasStatus(HttpStatus.FOUND);
		assertThat(cycle(id).get("state")).isEqualTo("OPEN");
		assertThat(lastAudit().get("action")).isEqualTo("CYCLE_REOPENED");
		// reopening an open cycle changes nothing and writes no audit row
		long events = this.jdbc.sql("select count(*) from audit_event").query(Long.class).single();
		assertThat(this.mvc.post().uri("/admin/cycles/" + id + "/reopen").with(asAdmin()).with(csrf()).exchange())
			.flash().containsEntry("flashKey", "admin.cycles.already-open");
		assertThat(this.jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(events);
	}

	@Test
	void onlyAdministratorsMayManageCycles() {
		long id = currentCycle();
		assertThat(this.mvc.post().uri("/admin/cycles/" + id + "/close").with(asSecretariat()).with(csrf()).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.mvc.post().uri("/admin/cycles/" + id + "/close").with(csrf()).exchange().getResponse()
			.getRedirectedUrl()).endsWith("/login");
		assertThat(cycle(id).get("state")).isEqualTo("OPEN");
		assertThat(this.mvc.post().uri("/admin/cycles/999999999/close").with(asAdmin()).with(csrf()).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post().uri("/admin/cycles/abc/close").with(asAdmin()).with(csrf()).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}


	private String reminderDays(long id) {
		return this.jdbc.sql("select array_to_string(reminder_days, ',') from reporting_cycle where id = ?").param(id)
			.query(String.class).single();
	}

	@Test
	void reminderDaysRoundTripThroughTheCreateAndEditFormsTheListAndTheAuditLog() {
		Document blank = html(this.mvc.get().uri("/admin/cycles/new").with(asAdmin()).header("Accept-Language", "en")
			.exchange());
		assertThat(blank.getElementById("reminderDays").val()).as("the default").isEqualTo("30, 7, 1");
		assertThat(blank.getElementById("reminderDays-hint").text()).contains("separated by commas");
		assertThat(blank.getElementById("reminderDays").attr("aria-describedby")).contains("reminderDays-hint");

		String y = String.valueOf(NEXT_YEAR);
		MvcTestResult created = this.mvc.post().uri("/admin/cycles").with(asAdmin()).with(csrf())
			.param("code", y).param("periodStart", y + "-01-01").param("periodEnd", y + "-12-31")
			.param("opensOn", y + "-01-15").param("deadline", y + "-11-30").param("state", "OPEN")
			.param("reminderDays", " 14 ,60;3 ").exchange();
		assertThat(created).hasStatus(HttpStatus.FOUND);
		long id = this.jdbc.sql("select id from reporting_cycle where code = ?").param(y).query(Long.class).single();
		assertThat(reminderDays(id)).as("kept longest first").isEqualTo("60,14,3");
		assertThat(lastAudit().get("after_state").toString()).contains("\"reminderDays\": \"60, 14, 3\"");

		Document list = html(this.mvc.get().uri("/admin/cycles").with(asAdmin()).header("Accept-Language", "en")
			.exchange());
		assertThat(list.select("#cycle-" + id + " td[data-label^=Reminder]").text())
			.isEqualTo("60, 14, 3 days before the deadline");
		assertThat(list.select("thead th").eachText()).contains("Reminder days");

		Document edit = html(this.mvc.get().uri("/admin/cycles/" + id + "/deadline").with(asAdmin())
			.header("Accept-Language", "en").exchange());
		assertThat(edit.select("h1").text()).isEqualTo("Deadline and reminders of reporting cycle " + y);
		assertThat(edit.getElementById("reminderDays").val()).isEqualTo("60, 14, 3");
		String version = edit.getElementById("version").val();

		// only the reminder days change: their own audit action, the deadline kept
		MvcTestResult changed = this.mvc.post().uri("/admin/cycles/" + id + "/deadline").with(asAdmin()).with(csrf())
			.param("deadline", y + "-11-30").param("reminderDays", "٣٠، 7").param("version", version).exchange();
		assertThat(changed).hasStatus(HttpStatus.FOUND);
		assertThat(changed).flash().containsEntry("flashKey", "admin.cycles.reminders-changed");
		assertThat(reminderDays(id)).as("Arabic digits and comma").isEqualTo("30,7");
		Map<String, Object> audit = lastAudit();
		assertThat(audit.get("action")).isEqualTo("CYCLE_REMINDERS_CHANGED");
		assertThat(audit.get("before_state").toString()).contains("\"reminderDays\": \"60, 14, 3\"");
		assertThat(audit.get("after_state").toString()).contains("\"reminderDays\": \"30, 7\"");
		Document log = html(this.mvc.get().uri("/admin/audit?action=CYCLE_REMINDERS_CHANGED").with(asAdmin())
			.header("Accept-Language", "en").exchange());
		assertThat(log.select(".audit-action").eachText()).containsExactly("Reminder days changed");
		assertThat(log.select("li.change").eachText()).contains("Reminder days: 60, 14, 3 → becomes 30, 7");

		// empty: no reminders for this cycle; the same again changes nothing
		version = cycle(id).get("version").toString();
		assertThat(this.mvc.post().uri("/admin/cycles/" + id + "/deadline").with(asAdmin()).with(csrf())
			.param("deadline", y + "-12-15").param("reminderDays", "").param("version", version).exchange())
			.flash().containsEntry("flashKey", "admin.cycles.deadline-and-reminders-changed");
		assertThat(reminderDays(id)).isEmpty();
		assertThat(lastAudit().get("action")).isEqualTo("CYCLE_DEADLINE_CHANGED");
		version = cycle(id).get("version").toString();
		long events = this.jdbc.sql("select count(*) from audit_event").query(Long.class).single();
		assertThat(this.mvc.post().uri("/admin/cycles/" + id + "/deadline").with(asAdmin()).with(csrf())
			.param("deadline", y + "-12-15").param("reminderDays", " ").param("version", version).exchange())
			.flash().containsEntry("flashKey", "admin.form.unchanged");
		assertThat(this.jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(events);
		assertThat(html(this.mvc.get().uri("/admin/cycles").with(asAdmin()).header("Accept-Language", "en").exchange())
			.select("#cycle-" + id + " td[data-label^=Reminder]").text()).isEqualTo("No reminders");

		// a form from before the field existed (no reminderDays at all) keeps the cycle's days
		version = cycle(id).get("version").toString();
		assertThat(this.mvc.post().uri("/admin/cycles/" + id + "/deadline").with(asAdmin()).with(csrf())
			.param("deadline", y + "-12-15").param("reminderDays", "7").param("version", version).exchange())
			.hasStatus(HttpStatus.FOUND);
		version = cycle(id).get("version").toString();
		assertThat(this.mvc.post().uri("/admin/cycles/" + id + "/deadline").with(asAdmin()).with(csrf())
			.param("deadline", y + "-12-20").param("version", version).exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(reminderDays(id)).isEqualTo("7");
	}

	@Test
	void badReminderDaysAreRefusedWithAClearFieldErrorAndNothingIsWritten() {
		String y = String.valueOf(NEXT_YEAR);
		Map<String, String> bad = new java.util.LinkedHashMap<>();
		bad.put("30, seven, 1", "“seven” is not one");
		bad.put("7.5", "“7.5” is not one");
		bad.put("-3", "“-3” is not one");
		bad.put("30, 0", "from 1 to 366 days before the deadline: 0 is not");
		bad.put("400", "400 is not");
		bad.put("1,2,3,4,5,6,7,8,9,10,11", "at most 10 reminder days (there are 11)");
		bad.put("7, 30, 7", "7 is there more than once");
		long cycles = this.jdbc.sql("select count(*) from reporting_cycle").query(Long.class).single();
		for (Map.Entry<String, String> value : bad.entrySet()) {
			MvcTestResult result = this.mvc.post().uri("/admin/cycles").with(asAdmin()).with(csrf())
				.header("Accept-Language", "en").param("code", y).param("periodStart", y + "-01-01")
				.param("periodEnd", y + "-12-31").param("opensOn", y + "-01-15").param("deadline", y + "-11-30")
				.param("state", "OPEN").param("reminderDays", value.getKey()).exchange();
			assertThat(result).as(value.getKey()).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			Document page = html(result);
			assertThat(assertFormErrors(page)).as(value.getKey()).containsExactly("reminderDays");
			assertThat(page.getElementById("reminderDays-error").text()).as(value.getKey()).contains(value.getValue());
			assertThat(page.getElementById("reminderDays").val()).as("kept as typed").isEqualTo(value.getKey());
		}
		assertThat(this.jdbc.sql("select count(*) from reporting_cycle").query(Long.class).single()).isEqualTo(cycles);

		// with another field wrong too, both are shown at once
		Document both = html(this.mvc.post().uri("/admin/cycles").with(asAdmin()).with(csrf())
			.header("Accept-Language", "fr").param("code", y).param("periodStart", y + "-01-01")
			.param("periodEnd", y + "-12-31").param("opensOn", y + "-01-15").param("state", "OPEN")
			.param("reminderDays", "30, 30").exchange());
		assertThat(both.select(".error-summary a[href^=#]").eachAttr("href")).containsExactlyInAnyOrder("#deadline",
				"#reminderDays");
		assertThat(both.getElementById("reminderDays-error").text())
			.contains("Saisissez chaque jour de rappel une seule fois : 30 figure plusieurs fois");

		long id = currentCycle();
		String before = reminderDays(id);
		Map<String, Object> was = cycle(id);
		MvcTestResult edit = this.mvc.post().uri("/admin/cycles/" + id + "/deadline").with(asAdmin()).with(csrf())
			.header("Accept-Language", "en").param("deadline", NEXT_YEAR + "-02-15").param("reminderDays", "30, x")
			.param("version", was.get("version").toString()).exchange();
		assertThat(edit).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		Document editPage = html(edit);
		assertThat(assertFormErrors(editPage)).containsExactly("reminderDays");
		assertThat(editPage.getElementById("reminderDays").val()).isEqualTo("30, x");
		assertThat(cycle(id)).as("nothing written: not the deadline either").isEqualTo(was);
		assertThat(reminderDays(id)).isEqualTo(before);
	}

}
