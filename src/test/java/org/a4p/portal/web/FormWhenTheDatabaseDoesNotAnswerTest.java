package org.a4p.portal.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.account.Role;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.TestDatabase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A form whose save fails because the database does not answer in time is shown again, with what was typed
 * and a form-level error, with 503 and {@code Retry-After} ({@code Forms.attempt}). Here the save waits on a
 * table lock the test holds until the portal's {@code statement_timeout} (5 s, application.properties)
 * cancels it: which also shows that the timeout is in force on the portal's connections. Nothing is stored.
 */
@PortalTest
class FormWhenTheDatabaseDoesNotAnswerTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private final PortalUser admin = new PortalUser(8002, "admin.one", "Administrator", null, Role.ADMIN, null, null,
			true, false);

	@Test
	void aSaveCancelledByTheStatementTimeoutShowsTheFormAgainWithWhatWasTypedAnd503() throws Exception {
		TestDatabase.Connection db = TestDatabase.get();
		long started;
		MvcTestResult result;
		try (Connection lock = DriverManager.getConnection(db.url(), db.username(), db.password());
				Statement statement = lock.createStatement()) {
			lock.setAutoCommit(false);
			// reads go on; the new user's insert waits
			statement.execute("lock table app_user in exclusive mode");
			started = System.nanoTime();
			result = this.mvc.post()
				.uri("/admin/users")
				.header("Accept-Language", "en")
				.with(user(this.admin))
				.with(csrf())
				.param("username", "typed.before.timeout")
				.param("displayName", "Typed before the timeout")
				.param("email", "typed@example.org")
				.param("role", "SECRETARIAT")
				.param("stateCode", "")
				.exchange();
			lock.rollback();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		assertThat(seconds).as("cancelled by the statement timeout (5 s)").isBetween(4.5, 15.0);
		assertThat(result).hasStatus(503);
		assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("30");
		Document page = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(page.title()).startsWith("Error: ");
		assertThat(page.select(".govuk-error-summary, [role=alert]").text())
			.contains("This could not be saved because the portal's database is not answering.");
		assertThat(page.select("input[name=username]").attr("value")).isEqualTo("typed.before.timeout");
		assertThat(page.select("input[name=displayName]").attr("value")).isEqualTo("Typed before the timeout");
		assertThat(page.select("input[name=email]").attr("value")).isEqualTo("typed@example.org");
		assertThat(this.jdbc.sql("select count(*) from app_user where username = 'typed.before.timeout'")
			.query(Long.class)
			.single()).isZero();
	}

}
