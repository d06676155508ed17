package org.a4p.portal.reporting;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.progress.Status;
import org.a4p.portal.reporting.EvidenceLink.Link;
import org.a4p.portal.reporting.ProgressEntry.Content;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.a4p.portal.support.EntryTestSupport.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writes that really commit (so not rolled back by a test transaction; everything made is deleted
 * afterwards): the true race between two writers, and a write that fails half-way leaving nothing.
 */
@PortalTest
class ConcurrentEditRaceTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SaveDraft saveDraft;

	@Autowired
	PlatformTransactionManager transactions;

	EntryTestSupport t;

	@BeforeEach
	void setUp() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
	}

	@AfterEach
	void deleteWhatWasMade() {
		this.jdbc.sql("delete from audit_event where entity_type = 'progress_entry' and entity_id in "
				+ "(select cast(pe.id as varchar) from progress_entry pe join stakeholder s on s.id = pe.stakeholder_id "
				+ "where s.code = 'POL')").update();
		this.jdbc.sql("delete from progress_entry where stakeholder_id = (select id from stakeholder where code = 'POL')")
			.update();
	}

	@Test
	void whenBothPassTheVersionCheckTheDatabaseLetsExactlyOneWin() throws Exception {
		PortalUser a = this.t.delegateOf("POL");
		PortalUser b = this.t.secretariat();
		EntryRef ref = new EntryRef(this.t.cycle, "POL", "POL-4");
		this.saveDraft.save(a, ref, new Content(Status.LIMITED, "Start.", List.of()), null);
		long loaded = this.t.version("POL", "POL-4");

		CountDownLatch flushed = new CountDownLatch(1);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			// A saves and holds its transaction (and the row's lock) open for a moment before committing
			Future<?> first = executor.submit(() -> new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
				this.saveDraft.save(a, ref, new Content(Status.COMPLETE, "Text A", List.of()), loaded);
				flushed.countDown();
				sleep(1500);
			}));
			assertThat(flushed.await(20, TimeUnit.SECONDS)).isTrue();
			// B started from the same version: its update waits for A's commit, then finds the version changed
			MvcTestResult second = this.t.save(b, "POL", "POL-4", "SUBSTANTIAL", "Text B", loaded);
			first.get(20, TimeUnit.SECONDS);

			assertThat(second).hasStatus(409);
			Document conflict = page(second);
			assertThat(conflict.select(".conflict-yours .narrative").text()).isEqualTo("Text B");
			assertThat(conflict.select(".conflict-current .narrative").text()).isEqualTo("Text A");
			assertThat(this.t.entry("POL", "POL-4")).containsEntry("narrative", "Text A").containsEntry("version", loaded + 1);
			assertThat(this.t.count("select count(*) from progress_entry_revision r join progress_entry pe "
					+ "on pe.id = r.entry_id join stakeholder s on s.id = pe.stakeholder_id where s.code = 'POL'"))
				.as("created + A's edit; nothing of B").isEqualTo(2);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void aWriteThatFailsHalfWayLeavesNothingBehind() {
		PortalUser a = this.t.delegateOf("POL");
		EntryRef ref = new EntryRef(this.t.cycle, "POL", "POL-4");
		long auditBefore = this.t.count("select count(*) from audit_event");
		// past the form's checks, the database still refuses a javascript: link: the entry row, which
		// was inserted first, must go too
		assertThatThrownBy(() -> this.saveDraft.save(a, ref,
				new Content(Status.LIMITED, "Good text.", List.of(new Link("Bad", "javascript:alert(1)"))), null))
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
		assertThat(this.t.versionOrNull("POL", "POL-4")).isNull();
		assertThat(this.t.count("select count(*) from audit_event")).isEqualTo(auditBefore);
		assertThat(this.t.count("select count(*) from progress_entry_revision r join progress_entry pe "
				+ "on pe.id = r.entry_id join stakeholder s on s.id = pe.stakeholder_id where s.code = 'POL'")).isZero();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
