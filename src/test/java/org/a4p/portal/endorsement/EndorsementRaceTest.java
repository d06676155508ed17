package org.a4p.portal.endorsement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.a4p.portal.shared.Refusal;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.SignedInUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two administrators record the same state's endorsement at the same moment: both pass the check,
 * the partial unique index lets one through, and the other gets the same message as the check
 * (a form error, not an error page). Runs real, committed transactions and removes what it wrote.
 */
@PortalTest
class EndorsementRaceTest {

	@Autowired
	RecordEndorsement recordEndorsement;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	private long fra() {
		return this.jdbc.sql("select id from stakeholder where code = 'FRA'").query(Long.class).single();
	}

	@AfterEach
	void removeWhatTheTestWrote() {
		this.jdbc.sql("delete from audit_event where entity_type = 'endorsement' and entity_id in "
				+ "(select cast(id as varchar) from endorsement where stakeholder_id = ?)").param(fra()).update();
		this.jdbc.sql("delete from endorsement where stakeholder_id = ?").param(fra()).update();
	}

	@Test
	void theLoserOfARaceGetsTheSameMessageAsTheCheck() throws Exception {
		long fra = fra();
		EndorsementForm form = new EndorsementForm();
		form.setStakeholderCode("FRA");
		form.setSource("second administrator");
		CompletableFuture<Throwable> second = new CompletableFuture<>();
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			// the first administrator's insert, not committed yet
			this.jdbc.sql("insert into endorsement (stakeholder_id, source) values (?, 'first administrator')")
				.param(fra)
				.update();
			Thread thread = new Thread(() -> {
				SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
					.authenticated(SignedInUsers.admin(), null, SignedInUsers.admin().getAuthorities()));
				try {
					this.recordEndorsement.record(form.toRecord());
					second.complete(null);
				}
				catch (Throwable ex) {
					second.complete(ex);
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			});
			thread.start();
			awaitSomeoneWaitingForALock();
		});
		Throwable failure = second.get(20, TimeUnit.SECONDS);
		assertThat(failure).isInstanceOf(Refusal.class);
		Refusal violation = (Refusal) failure;
		assertThat(violation.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("stakeholderCode");
			assertThat(problem.code()).isEqualTo("admin.endorsement.stakeholder.in-force");
		});
		assertThat(this.jdbc.sql("select source from endorsement where stakeholder_id = ?").param(fra)
			.query(String.class).list()).containsExactly("first administrator");
		assertThat(this.jdbc.sql("select count(*) from audit_event where summary = 'Endorsement recorded for FRA'")
			.query(Long.class).single()).isZero();
	}

	/** Waits (on a connection of its own) until the second administrator's insert waits for the first's. */
	private void awaitSomeoneWaitingForALock() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			while (System.nanoTime() < deadline) {
				try (ResultSet rs = statement.executeQuery("select count(*) from pg_stat_activity "
						+ "where wait_event_type = 'Lock' and query like 'insert into endorsement%'")) {
					rs.next();
					if (rs.getLong(1) > 0) {
						return;
					}
				}
				Thread.sleep(20);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		throw new AssertionError("The second insert never waited for the first");
	}

}
