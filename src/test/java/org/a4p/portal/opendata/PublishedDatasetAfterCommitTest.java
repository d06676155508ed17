package org.a4p.portal.opendata;

import org.a4p.portal.publication.CyclePublications;
import org.a4p.portal.support.PortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publication's dataset is stored as soon as the publication commits (not at its first download), and never
 * when the publishing transaction rolls back; deleting the cycle deletes its stored files and their large objects.
 * Not in a test transaction (it needs real commits): it removes the cycle it makes.
 */
@PortalTest
class PublishedDatasetAfterCommitTest {

	private static final String CODE = "1997";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CyclePublications publications;

	@Autowired
	TransactionTemplate transactions;

	@AfterEach
	void removeTheCycle() {
		this.jdbc.sql("delete from reporting_cycle where code = ?").param(CODE).update();
	}

	private long closedCycle() {
		return this.jdbc.sql("""
				insert into reporting_cycle (code, period_start, period_end, opens_on, deadline, state)
				values (?, date '1997-01-01', date '1997-12-31', date '1997-01-01', date '1997-12-31', 'CLOSED')
				returning id""").param(CODE).query(Long.class).single();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void theFileIsStoredAfterThePublicationCommitsAndGoesWithItsCycle() {
		long cycle = closedCycle();
		Long publication = this.transactions.execute((status) -> this.publications.publish(cycle, null));
		assertThat(count("select count(*) from published_dataset where publication_id = ?", publication)).isEqualTo(1);
		long content = count("select content from published_dataset where publication_id = ?", publication);
		assertThat(count("select count(*) from pg_largeobject_metadata where oid = cast(? as oid)", content))
			.isEqualTo(1);

		// a publication rolled back leaves no file
		this.transactions.executeWithoutResult((status) -> {
			this.publications.publish(cycle, "Rolled back");
			status.setRollbackOnly();
		});
		assertThat(count("select count(*) from published_dataset d join publication p on p.id = d.publication_id "
				+ "where p.cycle_id = ?", cycle)).isEqualTo(1);

		this.jdbc.sql("delete from reporting_cycle where id = ?").param(cycle).update();
		assertThat(count("select count(*) from published_dataset where publication_id = ?", publication)).isZero();
		assertThat(count("select count(*) from pg_largeobject_metadata where oid = cast(? as oid)", content)).isZero();
	}

}
