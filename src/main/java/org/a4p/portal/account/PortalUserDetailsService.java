package org.a4p.portal.account;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads users for sign-in from PostgreSQL. User names are case-insensitive (stored lower case). */
@Service
class PortalUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	private final Clock clock;

	PortalUserDetailsService(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		String key = UserAccount.canonicalUsername(username);
		return this.jdbc.sql("""
				select u.id, u.username, u.display_name, u.password_hash, u.role, u.stakeholder_id, s.code,
				       u.enabled, u.locked_until
				from app_user u left join stakeholder s on s.id = u.stakeholder_id
				where u.username = ?
				""")
			.param(key)
			.query((rs, n) -> {
				java.sql.Timestamp lockedUntil = rs.getTimestamp("locked_until");
				long stakeholder = rs.getLong("stakeholder_id");
				boolean noStakeholder = rs.wasNull();
				return new PortalUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
						rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
						noStakeholder ? null : stakeholder, rs.getString("code"), rs.getBoolean("enabled"),
						lockedUntil != null && lockedUntil.toInstant().isAfter(this.clock.instant()));
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
