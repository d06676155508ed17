package org.a4p.portal.demo;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.demo.DemoEntry.Evidence;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.SignedInUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The history of demonstration entries is the one the use cases would have written: the same rules
 * hold for an entry written through the portal's pages and for every demo entry. Rolled back.
 */
@PortalTest
@Transactional
class DemoHistoryTest {

	/**
	 * How an entry relates to its revisions when the use cases write it (SaveDraft, SubmitEntry,
	 * ValidateEntry, ReturnEntry, EntryHistory): each query counts the entries of the scope that break
	 * one rule.
	 */
	private static final Map<String, String> RULES = new LinkedHashMap<>();

	static {
		String last = "(select r.%s from progress_entry_revision r where r.entry_id = pe.id "
				+ "and r.action in (%s) order by r.revision desc limit 1)";
		RULES.put("revisions 1..n at versions 0..n-1, the entry at version n-1", """
				not exists (select 1 from progress_entry_revision r where r.entry_id = pe.id)
				or exists (select 1 from progress_entry_revision r where r.entry_id = pe.id
				           and r.entry_version <> r.revision - 1)
				or pe.version + 1 <> (select max(r.revision) from progress_entry_revision r where r.entry_id = pe.id)
				or pe.version + 1 <> (select count(*) from progress_entry_revision r where r.entry_id = pe.id)""");
		RULES.put("the last revision holds the entry as it is", """
				not exists (select 1 from progress_entry_revision r where r.entry_id = pe.id
				    and r.revision = pe.version + 1 and r.occurred_at = pe.updated_at
				    and r.status = pe.status and r.workflow_state = pe.workflow_state and r.narrative = pe.narrative
				    and r.review_comment is not distinct from pe.review_comment
				    and r.entered_by_secretariat = pe.entered_by_secretariat
				    and r.published_status is not distinct from pe.published_status
				    and r.evidence = coalesce((select jsonb_agg(jsonb_build_object('title', el.title, 'url', el.url)
				                               order by el.position) from evidence_link el where el.entry_id = pe.id),
				                              '[]'::jsonb))""");
		RULES.put("the action names the step", """
				exists (select 1 from progress_entry_revision r where r.entry_id = pe.id and r.action <>
				    case when r.revision = 1 and r.workflow_state = 'DRAFT' then 'CREATED'
				         when r.revision = 1 then '-'
				         when r.workflow_state = 'DRAFT' then 'EDITED' else r.workflow_state end)""");
		RULES.put("each step follows the workflow from the one before", """
				exists (select 1 from progress_entry_revision a join progress_entry_revision b
				        on b.entry_id = a.entry_id and b.revision = a.revision + 1
				    where a.entry_id = pe.id and (not (
				        (b.workflow_state = 'DRAFT' and a.workflow_state <> 'DRAFT')
				        or (b.workflow_state = 'SUBMITTED' and a.workflow_state = 'DRAFT')
				        or (b.workflow_state in ('VALIDATED', 'RETURNED') and a.workflow_state = 'SUBMITTED'))
				    or (b.workflow_state <> 'DRAFT' and (b.status <> a.status or b.narrative <> a.narrative
				        or b.evidence <> a.evidence))
				    or (b.workflow_state = 'VALIDATED' and (b.published_status <> b.status or b.review_comment is not null))
				    or (b.workflow_state <> 'VALIDATED' and b.published_status is distinct from a.published_status)
				    or (b.workflow_state in ('DRAFT', 'SUBMITTED') and b.review_comment is distinct from a.review_comment)
				    or (b.workflow_state = 'RETURNED' and b.review_comment is null)
				    or b.occurred_at <= a.occurred_at))""");
		RULES.put("a new entry has no review and nothing published", """
				exists (select 1 from progress_entry_revision r where r.entry_id = pe.id and r.revision = 1
				    and (r.review_comment is not null or r.published_status is not null))""");
		RULES.put("created_at and created_by are the first revision's", """
				(pe.created_at, pe.created_by) is distinct from (select (r.occurred_at, r.actor)
				    from progress_entry_revision r where r.entry_id = pe.id and r.revision = 1)""");
		RULES.put("updated_by is who last saved or submitted",
				"pe.updated_by is distinct from " + last.formatted("actor", "'CREATED', 'EDITED', 'SUBMITTED'"));
		RULES.put("reviewed_by and reviewed_at are the last review's",
				"pe.reviewed_by is distinct from " + last.formatted("actor", "'VALIDATED', 'RETURNED'")
						+ " or pe.reviewed_at is distinct from " + last.formatted("occurred_at", "'VALIDATED', 'RETURNED'"));
		RULES.put("submitted_at is the last submission's",
				"pe.submitted_at is distinct from " + last.formatted("occurred_at", "'SUBMITTED'"));
		RULES.put("published_at is the last validation's",
				"pe.published_at is distinct from " + last.formatted("occurred_at", "'VALIDATED'"));
	}

	@Autowired
	DemoDataGenerator generator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private Map<String, Long> brokenRules(String scope, Object... params) {
		Map<String, Long> broken = new LinkedHashMap<>();
		RULES.forEach((rule, violation) -> broken.put(rule,
				count("select count(*) from progress_entry pe where " + scope + " and (" + violation + ")", params)));
		return broken;
	}

	@Test
	void demoEntriesHaveTheHistoryTheUseCasesWouldHaveWritten() {
		long real = writeThroughThePages();
		assertThat(brokenRules("pe.id = ?", real)).as("an entry written through the pages").containsOnlyKeys(RULES.keySet())
			.allSatisfy((rule, n) -> assertThat(n).as(rule).isZero());

		DemoDataGenerator.Report report = this.generator.generate(DemoRequest.ofCycles(5, 1));

		assertThat(report.revisions()).isEqualTo(count("select count(*) from progress_entry_revision r "
				+ "join progress_entry pe on pe.id = r.entry_id where pe.demo"));
		assertThat(report.revisions()).as("about 3 revisions per entry")
			.isBetween(report.entries() * 5 / 2, report.entries() * 7 / 2);
		assertThat(brokenRules("pe.demo")).allSatisfy((rule, n) -> assertThat(n).as(rule).isZero());
		// Every path of the workflow occurs, up to a return and a second round that is validated.
		assertThat(this.jdbc.sql("""
				select distinct string_agg(r.action, ' ' order by r.revision) from progress_entry_revision r
				join progress_entry pe on pe.id = r.entry_id where pe.demo group by r.entry_id""").query(String.class).set())
			.contains("CREATED", "CREATED SUBMITTED VALIDATED", "CREATED SUBMITTED RETURNED",
					"CREATED SUBMITTED RETURNED EDITED SUBMITTED VALIDATED", "CREATED SUBMITTED VALIDATED EDITED SUBMITTED");
		// A second round changed something a reviewer can see: status, narrative or evidence.
		assertThat(count("""
				select count(*) from progress_entry_revision a join progress_entry_revision b
				    on b.entry_id = a.entry_id and b.revision = a.revision + 1 and b.action = 'EDITED'
				join progress_entry pe on pe.id = a.entry_id
				where pe.demo and (a.status <> b.status or a.narrative <> b.narrative or a.evidence <> b.evidence)"""))
			.isPositive();
		// Delegates write their state's entries; Secretariat staff write the rest, and review.
		assertThat(count("""
				select count(*) from progress_entry_revision r
				join progress_entry pe on pe.id = r.entry_id join stakeholder s on s.id = pe.stakeholder_id
				where pe.demo and r.actor is distinct from case
				    when r.action in ('VALIDATED', 'RETURNED') or s.kind <> 'MEMBER_STATE' or pe.entered_by_secretariat
				        then 'demo-secretariat'
				    else 'demo-delegate-' || lower(s.code) end""")).isZero();
		assertThat(count("select count(*) from progress_entry pe join stakeholder s on s.id = pe.stakeholder_id "
				+ "where pe.demo and pe.entered_by_secretariat <> (s.kind = 'ORGANIZATION' "
				+ "or (s.kind = 'MEMBER_STATE' and pe.entered_by_secretariat))")).as("organizations' entries").isZero();
		assertThat(count("select count(*) from progress_entry where demo and entered_by_secretariat and "
				+ "stakeholder_id in (select id from stakeholder where kind = 'MEMBER_STATE')")).isPositive();
		// Every step falls within the cycle's reporting window, and none is in the future.
		assertThat(count("""
				select count(*) from progress_entry_revision r
				join progress_entry pe on pe.id = r.entry_id join reporting_cycle rc on rc.id = pe.cycle_id
				where pe.demo and (r.occurred_at < (rc.opens_on + time '08:00') at time zone 'UTC'
				    or r.occurred_at > (rc.deadline + 40 + time '18:00') at time zone 'UTC'
				    or r.occurred_at > now())""")).isZero();
	}

	@Test
	void theEntryPageShowsTheHistoryOfADemoEntry() throws Exception {
		this.generator.generate(DemoRequest.ofCycles(5, 0));
		Map<String, Object> entry = this.jdbc.sql("""
				select pe.id, rc.code as cycle, s.code as stakeholder, c.code as commitment
				from progress_entry pe
				join reporting_cycle rc on rc.id = pe.cycle_id
				join stakeholder s on s.id = pe.stakeholder_id
				join commitment c on c.id = pe.commitment_id
				where pe.demo and s.kind = 'MEMBER_STATE' and not pe.entered_by_secretariat and pe.version = 5
				  and exists (select 1 from evidence_link el where el.entry_id = pe.id)
				order by s.code, c.code limit 1""").query().singleRow();
		long id = ((Number) entry.get("id")).longValue();
		String delegate = "demo-delegate-" + entry.get("stakeholder").toString().toLowerCase(java.util.Locale.ROOT);
		List<OffsetDateTime> times = this.jdbc.sql("select occurred_at from progress_entry_revision where entry_id = ? "
				+ "order by revision desc").param(id).query(OffsetDateTime.class).list();
		String comment = this.jdbc.sql("select review_comment from progress_entry_revision where entry_id = ? "
				+ "and action = 'RETURNED'").param(id).query(String.class).single();

		MvcTestResult result = this.mvc.get()
			.uri("/entries/{c}/{s}/{m}", entry.get("cycle"), entry.get("stakeholder"), entry.get("commitment"))
			.header("Accept-Language", "en")
			.with(user(SignedInUsers.secretariat()))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		Document page = Jsoup.parse(result.getResponse().getContentAsString());

		List<Element> items = page.select("#history-heading + ol .history-item");
		assertThat(items.stream().map((i) -> i.selectFirst("strong").text()).toList()).containsExactly(
				"Validated and published", "Submitted for review", "Edited", "Returned with a comment",
				"Submitted for review", "Created as a draft");
		org.a4p.portal.i18n.Formats english = new org.a4p.portal.i18n.Formats(java.util.Locale.ENGLISH);
		List<String> by = List.of("demo-secretariat", delegate, delegate, "demo-secretariat", delegate, delegate);
		for (int i = 0; i < items.size(); i++) {
			assertThat(items.get(i).selectFirst("p").text()).as("item %d", i)
				.endsWith("by " + by.get(i) + ", " + english.dateTime(times.get(i)));
		}
		assertThat(items.get(0).text()).contains("Review state Submitted → changed to Validated")
			.contains("Published status none → changed to")
			.contains("Review comment Removed: " + comment);
		assertThat(items.get(2).text()).contains("Review state Returned → changed to Draft")
			.contains("Evidence links Added:");
		assertThat(items.get(3).text()).contains("Review comment Added: " + comment);
		assertThat(items.get(5).text()).contains("Status none → changed to").contains("Narrative");
		assertThat(page.select("main dl.row").text()).as("where it stands")
			.contains("Validated")
			.contains("by " + delegate + ", " + english.dateTime(times.get(0)));
	}

	@Test
	void evidenceIsStoredAsTheJsonTheHistoryReads() {
		List<Evidence> links = List.of(new Evidence("A \"quoted\" title \\ with\ta tab\nand 中文", "https://example.org/a"),
				new Evidence("Second", "https://example.org/b"));
		assertThat(this.jdbc.sql("""
				select cast(? as jsonb) = jsonb_build_array(jsonb_build_object('title', ?, 'url', ?),
				                                           jsonb_build_object('title', ?, 'url', ?))""")
			.params(DemoDataGenerator.json(links), links.get(0).title(), links.get(0).url(), links.get(1).title(),
					links.get(1).url())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(DemoDataGenerator.json(List.of())).isEqualTo("[]");
	}

	/** Writes, submits, has returned, edits, resubmits and validates an entry through the pages. */
	private long writeThroughThePages() {
		String cycle = this.jdbc.sql("select code from reporting_cycle where state = 'OPEN' "
				+ "order by period_start desc, id desc limit 1").query(String.class).single();
		long pakId = count("select id from stakeholder where code = 'PAK'");
		PortalUser delegate = SignedInUsers.delegate(pakId, "PAK");
		PortalUser staff = SignedInUsers.secretariat();
		String path = "/entries/" + cycle + "/PAK/POL-1";
		String review = "/review/" + cycle + "/PAK/POL-1";
		// each draft is saved, then "Save and submit" sends the same form again, as the browser does
		redirects(post(delegate, path).param("status", "LIMITED").param("narrative", "First draft")
			.param("evidence[0].title", "Report").param("evidence[0].url", "https://example.org/r"));
		redirects(post(delegate, path + "/submit").param("version", version(path)).param("status", "LIMITED")
			.param("narrative", "First draft").param("evidence[0].title", "Report")
			.param("evidence[0].url", "https://example.org/r"));
		redirects(post(staff, review + "/return").param("version", version(path)).param("comment", "Add the plan."));
		redirects(post(delegate, path).param("version", version(path)).param("status", "SUBSTANTIAL")
			.param("narrative", "Second draft").param("evidence[0].title", "Report")
			.param("evidence[0].url", "https://example.org/r").param("evidence[1].title", "Plan")
			.param("evidence[1].url", "https://example.org/p"));
		redirects(post(delegate, path + "/submit").param("version", version(path)).param("status", "SUBSTANTIAL")
			.param("narrative", "Second draft").param("evidence[0].title", "Report")
			.param("evidence[0].url", "https://example.org/r").param("evidence[1].title", "Plan")
			.param("evidence[1].url", "https://example.org/p"));
		redirects(post(staff, review + "/validate").param("version", version(path)));
		redirects(post(delegate, path).param("version", version(path)).param("status", "COMPLETE")
			.param("narrative", "Third draft"));
		redirects(post(delegate, path + "/submit").param("version", version(path)).param("status", "COMPLETE")
			.param("narrative", "Third draft"));
		long id = count("select pe.id from progress_entry pe join reporting_cycle rc on rc.id = pe.cycle_id "
				+ "where rc.code = ? and pe.stakeholder_id = ? and pe.commitment_id = (select id from commitment "
				+ "where code = 'POL-1')", cycle, pakId);
		assertThat(count("select count(*) from progress_entry_revision where entry_id = ?", id)).isEqualTo(8);
		return id;
	}

	private String version(String path) {
		String[] parts = path.split("/");
		return String.valueOf(count("select pe.version from progress_entry pe join reporting_cycle rc on rc.id = pe.cycle_id "
				+ "join stakeholder s on s.id = pe.stakeholder_id join commitment c on c.id = pe.commitment_id "
				+ "where rc.code = ? and s.code = ? and c.code = ?", parts[2], parts[3], parts[4]));
	}

	private MockMvcRequestBuilder post(PortalUser who, String uri) {
		return this.mvc.post().uri(uri).header("Accept-Language", "en").with(user(who)).with(csrf());
	}

	private static void redirects(MockMvcRequestBuilder request) {
		assertThat(request.exchange()).hasStatus(HttpStatus.FOUND);
	}

}
