package org.a4p.portal.publication;

import java.util.Map;

import org.a4p.portal.progress.Basis;
import org.a4p.portal.progress.FiguresQuery.Filter;
import org.a4p.portal.progress.FiguresQuery.GroupBy;
import org.a4p.portal.progress.FiguresQuery;
import org.a4p.portal.progress.Status;
import org.a4p.portal.progress.StatusDistribution;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.PublishedEntries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.SignedInUsers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Closing a cycle publishes it: from then on its figures and statuses are those recorded at close, whatever
 * happens to endorsements, capacities or entries; reopening shows it live again, and closing it again records
 * a new publication that supersedes the first (which stays stored).
 */
@PortalTest
@Transactional
class CyclePublicationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiguresQuery figures;

	long cycle;

	@BeforeEach
	void currentCycleWithAValidatedEntry() {
		this.cycle = this.jdbc.sql("select id from reporting_cycle where state = 'OPEN' order by period_start desc limit 1")
			.query(Long.class).single();
		PublishedEntries.validated(this.jdbc, "POL-2", "PAK", Status.SUBSTANTIAL);
		PublishedEntries.unpublished(this.jdbc, "POL-2", "PHL", Status.COMPLETE, "SUBMITTED");
	}

	@Test
	void aClosedCycleShowsWhatWasPublishedWhateverChangesAfterwards() {
		Map<String, StatusDistribution> before = byStakeholder();
		StatusDistribution totalBefore = total();
		assertThat(before.get("PAK").counts().get(Status.SUBSTANTIAL)).isEqualTo(1);
		close();
		assertThat(count("select count(*) from publication where cycle_id = ? and superseded_at is null")).isEqualTo(1);
		assertThat(byStakeholder()).isEqualTo(before);

		// after the close: an entry edited in the database, an endorsement withdrawn, a capacity assigned
		this.jdbc.sql("update progress_entry set published_status = 'COMPLETE' where cycle_id = ? "
				+ "and stakeholder_id = (select id from stakeholder where code = 'PAK')").param(this.cycle).update();
		this.jdbc.sql("update endorsement set withdrawn_on = date '2019-01-01', withdrawal_reason = 'test' "
				+ "where stakeholder_id = (select id from stakeholder where code = 'PHL') and withdrawn_on is null").update();
		this.jdbc.sql("insert into capacity_assignment (stakeholder_id, capacity, starts_on) "
				+ "select id, 'HOST_STATE', date '2000-01-01' from stakeholder where code = 'PAK'").update();
		assertThat(total()).isEqualTo(totalBefore);
		assertThat(byStakeholder()).isEqualTo(before);
		// while live figures have changed
		assertThat(this.figures.total(this.cycle, Basis.SELF_REPORTED, Filter.stakeholder("PAK")).applicable())
			.isNotEqualTo(before.get("PAK").applicable());
	}

	@Test
	void reopeningShowsTheCycleLiveAndClosingAgainPublishesItAnew() {
		close();
		this.jdbc.sql("update progress_entry set published_status = 'COMPLETE' where cycle_id = ? "
				+ "and stakeholder_id = (select id from stakeholder where code = 'PAK')").param(this.cycle).update();
		assertThat(byStakeholder().get("PAK").counts().get(Status.SUBSTANTIAL)).isEqualTo(1);
		post("reopen");
		assertThat(byStakeholder().get("PAK").counts().get(Status.COMPLETE)).isEqualTo(1);
		close();
		assertThat(byStakeholder().get("PAK").counts().get(Status.COMPLETE)).isEqualTo(1);
		assertThat(count("select count(*) from publication where cycle_id = ?")).isEqualTo(2);
		assertThat(count("select count(*) from publication where cycle_id = ? and superseded_at is null")).isEqualTo(1);
		// the first publication is kept as it was
		assertThat(count("""
				select count(*) from published_pair pp join publication p on p.id = pp.publication_id
				join stakeholder s on s.id = pp.stakeholder_id
				where p.cycle_id = ? and p.superseded_at is not null and s.code = 'PAK' and pp.status = 'SUBSTANTIAL'
				""")).isEqualTo(1);
	}

	@Test
	void aPublicationRecordsTheValidatedNarrativeNotALaterEdit() {
		this.jdbc.sql("""
				insert into progress_entry_revision (entry_id, revision, action, actor, entry_version, status,
				    workflow_state, narrative, entered_by_secretariat, published_status, evidence)
				select pe.id, 1, 'VALIDATED', 'someone', 1, 'SUBSTANTIAL', 'VALIDATED', 'As validated', false,
				       'SUBSTANTIAL', '[{"title": "Report", "url": "https://example.org/r"}]'
				from progress_entry pe join stakeholder s on s.id = pe.stakeholder_id
				where pe.cycle_id = ? and s.code = 'PAK'
				""").param(this.cycle).update();
		this.jdbc.sql("update progress_entry set narrative = 'Edited after validation', workflow_state = 'DRAFT' "
				+ "where cycle_id = ? and stakeholder_id = (select id from stakeholder where code = 'PAK')")
			.param(this.cycle).update();
		close();
		Map<String, Object> row = this.jdbc.sql("""
				select pp.narrative, pp.evidence::text as evidence from published_pair pp
				join publication p on p.id = pp.publication_id join stakeholder s on s.id = pp.stakeholder_id
				join commitment c on c.id = pp.commitment_id
				where p.cycle_id = ? and s.code = 'PAK' and c.code = 'POL-2'
				""").param(this.cycle).query().singleRow();
		assertThat(row.get("narrative")).isEqualTo("As validated");
		assertThat(row.get("evidence").toString()).contains("https://example.org/r");
	}

	private void close() {
		post("close");
	}

	private void post(String action) {
		assertThat(this.mvc.post().uri("/admin/cycles/" + this.cycle + "/" + action).with(asAdmin()).with(csrf())
			.exchange()).hasStatus(HttpStatus.FOUND);
	}

	private Map<String, StatusDistribution> byStakeholder() {
		return this.figures.distributions(this.cycle, GroupBy.STAKEHOLDER, Basis.PUBLISHED, Filter.NONE);
	}

	private StatusDistribution total() {
		return this.figures.total(this.cycle, Basis.PUBLISHED, Filter.NONE);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).param(this.cycle).query(Long.class).single();
	}

}
