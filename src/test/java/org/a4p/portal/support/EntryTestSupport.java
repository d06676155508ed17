package org.a4p.portal.support;

import java.util.Map;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * What the progress tests share: the signed-in users of the permission table (a delegate of
 * Pakistan, one of the Philippines, Secretariat staff, an administrator; no database rows needed,
 * MockMvc signs them in directly), requests on an entry's address, and reads of what was stored.
 */
public final class EntryTestSupport {

	public final MockMvcTester mvc;

	public final JdbcClient jdbc;

	public final String cycle;

	public EntryTestSupport(MockMvcTester mvc, JdbcClient jdbc) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.cycle = jdbc.sql("select code from reporting_cycle "
				+ "order by (state = 'OPEN') desc, period_start desc, id desc limit 1").query(String.class).single();
	}

	public PortalUser delegateOf(String code) {
		long id = this.jdbc.sql("select id from stakeholder where code = ?").param(code).query(Long.class).single();
		return new PortalUser(9000 + id, "delegate." + code.toLowerCase(java.util.Locale.ROOT), "Delegate of " + code,
				null, Role.DELEGATE, id, code, true, false);
	}

	public PortalUser secretariat() {
		return secretariat("secretariat.one");
	}

	public PortalUser secretariat(String username) {
		return new PortalUser(8001, username, "Secretariat staff", null, Role.SECRETARIAT, null, null, true, false);
	}

	public PortalUser admin() {
		return new PortalUser(8002, "admin.one", "Administrator", null, Role.ADMIN, null, null, true, false);
	}

	public String path(String stakeholder, String commitment) {
		return path(this.cycle, stakeholder, commitment);
	}

	public static String path(String cycle, String stakeholder, String commitment) {
		return "/entries/" + cycle + "/" + stakeholder + "/" + commitment;
	}

	public static String reviewPath(String cycle, String stakeholder, String commitment, String action) {
		return "/review/" + cycle + "/" + stakeholder + "/" + commitment + "/" + action;
	}

	public MvcTestResult get(PortalUser user, String uri) {
		return this.mvc.get().uri(uri).header("Accept-Language", "en").with(user(user)).exchange();
	}

	public MockMvcRequestBuilder post(PortalUser user, String uri) {
		return this.mvc.post().uri(uri).header("Accept-Language", "en").with(user(user)).with(csrf());
	}

	/** Saves a draft as the user: status, narrative, links as title/url pairs; version null for a new entry. */
	public MvcTestResult save(PortalUser user, String stakeholder, String commitment, String status, String narrative,
			Long version, String... titlesAndUrls) {
		MockMvcRequestBuilder request = post(user, path(stakeholder, commitment)).param("status", status)
			.param("narrative", narrative);
		if (version != null) {
			request = request.param("version", version.toString());
		}
		for (int i = 0; i + 1 < titlesAndUrls.length; i += 2) {
			request = request.param("evidence[" + (i / 2) + "].title", titlesAndUrls[i])
				.param("evidence[" + (i / 2) + "].url", titlesAndUrls[i + 1]);
		}
		return request.exchange();
	}

	public MvcTestResult submit(PortalUser user, String stakeholder, String commitment) {
		return post(user, path(stakeholder, commitment) + "/submit")
			.param("version", String.valueOf(version(stakeholder, commitment)))
			.exchange();
	}

	/** @param session the reviewer's browser session, to read the message shown after the redirect (optional) */
	public MvcTestResult validate(PortalUser user, String stakeholder, String commitment, CookieSession... session) {
		var request = post(user, reviewPath(this.cycle, stakeholder, commitment, "validate"))
			.param("version", String.valueOf(version(stakeholder, commitment)));
		for (CookieSession each : session) {
			request.with(each);
		}
		return request.exchange();
	}

	public MvcTestResult returnWith(PortalUser user, String stakeholder, String commitment, String comment) {
		return post(user, reviewPath(this.cycle, stakeholder, commitment, "return"))
			.param("version", String.valueOf(version(stakeholder, commitment)))
			.param("comment", comment)
			.exchange();
	}

	/** Draft, submit and validate in one go, as the Secretariat (on behalf where not the Secretariat's own). */
	public void publish(String stakeholder, String commitment, String status) {
		PortalUser staff = secretariat();
		Long version = versionOrNull(stakeholder, commitment);
		expectRedirect(save(staff, stakeholder, commitment, status,
				status.equals("NOT_APPLICABLE") ? "Does not apply: explained." : "", version));
		expectRedirect(submit(staff, stakeholder, commitment));
		expectRedirect(validate(staff, stakeholder, commitment));
	}

	public static void expectRedirect(MvcTestResult result) {
		if (result.getResponse().getStatus() != 302) {
			throw new AssertionError("Expected a redirect, got " + result.getResponse().getStatus() + ": "
					+ body(result));
		}
	}

	public long version(String stakeholder, String commitment) {
		Long version = versionOrNull(stakeholder, commitment);
		if (version == null) {
			throw new AssertionError("No entry " + stakeholder + "/" + commitment);
		}
		return version;
	}

	public Long versionOrNull(String stakeholder, String commitment) {
		return this.jdbc.sql(ENTRY_WHERE.replace("*", "pe.version"))
			.params(this.cycle, stakeholder, commitment)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** The stored entry's columns, or an empty map when none. */
	public Map<String, Object> entry(String stakeholder, String commitment) {
		return this.jdbc.sql(ENTRY_WHERE.replace("*", "pe.*"))
			.params(this.cycle, stakeholder, commitment)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(Map.of());
	}

	public long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static final String ENTRY_WHERE = "select * from progress_entry pe "
			+ "join reporting_cycle rc on rc.id = pe.cycle_id join stakeholder s on s.id = pe.stakeholder_id "
			+ "join commitment c on c.id = pe.commitment_id where rc.code = ? and s.code = ? and c.code = ?";

	public static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Document page(MvcTestResult result) {
		return Jsoup.parse(body(result));
	}

}
