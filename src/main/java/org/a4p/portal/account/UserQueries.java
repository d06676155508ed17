package org.a4p.portal.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.a4p.portal.stakeholder.StakeholderNames;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads users for the administration pages. Never reads a password hash. */
@Service
@Transactional(readOnly = true)
class UserQueries {

	/** A user as the list and the user page show them; the state name is in the reader's language. */
	record UserView(long id, String username, String displayName, @Nullable String email, Role role,
			@Nullable String stateCode, @Nullable String stateName, boolean enabled, boolean locked,
			@Nullable OffsetDateTime lockedUntil, int failedAttempts, boolean passwordChangeRequired,
			OffsetDateTime createdAt, @Nullable OffsetDateTime lastLoginAt) {
	}

	private static final String SELECT = "select u.id, u.username, u.display_name, u.email, u.role, s.code as state_code, "
			+ StakeholderNames.COLUMNS + """
			     , u.enabled, coalesce(u.locked_until > :now, false) as locked,
			       u.locked_until, u.failed_attempts, u.password_change_required, u.created_at, u.last_login_at
			from app_user u
			left join stakeholder s on s.id = u.stakeholder_id
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	UserQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every user, by user name. */
	List<UserView> all(Locale locale) {
		return this.jdbc.sql(SELECT + "order by u.username")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("lang", StakeholderNames.lang(locale))
			.query((rs, n) -> view(rs, locale))
			.list();
	}

	Optional<UserView> byId(long id, Locale locale) {
		return this.jdbc.sql(SELECT + "where u.id = :id")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("lang", StakeholderNames.lang(locale))
			.param("id", id)
			.query((rs, n) -> view(rs, locale))
			.optional();
	}

	boolean passwordChangeRequired(long id) {
		return this.jdbc.sql("select password_change_required from app_user where id = ?")
			.param(id)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	private static UserView view(ResultSet rs, Locale locale) throws SQLException {
		String stateCode = rs.getString("state_code");
		return new UserView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), Role.valueOf(rs.getString("role")), stateCode,
				(stateCode != null) ? StakeholderNames.name(rs, locale) : null,
				rs.getBoolean("enabled"), rs.getBoolean("locked"), rs.getObject("locked_until", OffsetDateTime.class),
				rs.getInt("failed_attempts"), rs.getBoolean("password_change_required"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("last_login_at", OffsetDateTime.class));
	}

}
