package org.a4p.portal.support;

import org.jspecify.annotations.Nullable;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.account.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Inserts users straight into {@code app_user} for tests, and loads them as the portal does. */
public final class TestUsers {

	/** A stored "hash" nobody can guess: for users that never sign in with a password. */
	public static final String NO_PASSWORD = "{noop}" + java.util.UUID.randomUUID();

	private final JdbcClient jdbc;

	private final @Nullable UserDetailsService userDetails;

	/** For tests that load users as the portal does ({@link #load}). */
	public TestUsers(JdbcClient jdbc, UserDetailsService userDetails) {
		this.jdbc = jdbc;
		this.userDetails = userDetails;
	}

	/** For tests that only insert users (and sign them in through the portal): {@link #load} is not available. */
	public TestUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.userDetails = null;
	}

	/**
	 * @param stateCode the Member State of a delegate (ISO alpha-3), {@code null} for other roles
	 * @return the new user's id
	 */
	public long insert(String username, Role role, @Nullable String stateCode, String passwordHash) {
		return this.jdbc.sql("""
				insert into app_user (username, display_name, password_hash, role, stakeholder_id)
				values (?, ?, ?, ?, (select id from stakeholder where code = ?))
				returning id
				""")
			.params(username, "Test " + username, passwordHash, role.name(), stateCode)
			.query(Long.class)
			.single();
	}

	/** The user as the portal's sign-in loads it: the principal of a signed-in request. */
	public PortalUser load(String username) {
		if (this.userDetails == null) {
			throw new IllegalStateException("TestUsers made without a UserDetailsService cannot load " + username);
		}
		return (PortalUser) this.userDetails.loadUserByUsername(username);
	}

}
