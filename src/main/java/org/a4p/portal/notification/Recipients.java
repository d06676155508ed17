package org.a4p.portal.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Users as recipients: their address, language and choices ({@code app_user} with {@code notification_setting}). */
@Component
class Recipients {

	private static final String SELECT = """
			select u.id, u.username, u.display_name, u.email, u.enabled,
			       coalesce(s.language, s.last_language, 'en') as language,
			       coalesce(s.reminders, true) as reminders, coalesce(s.digest, true) as digest
			from app_user u left join notification_setting s on s.user_id = u.id
			""";

	private final JdbcClient jdbc;

	Recipients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Recipient> byId(long id) {
		return this.jdbc.sql(SELECT + " where u.id = ?").param(id).query(Recipients::map).optional();
	}

	/** Users by user name (as history rows and events name them), in user-name order. */
	List<Recipient> byUsernames(Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " where u.username in (:names) order by u.username")
			.param("names", usernames)
			.query(Recipients::map)
			.list();
	}

	/** The delegates of a stakeholder (none for the Secretariat or an organization), in user-name order. */
	List<Recipient> delegatesOf(long stakeholderId) {
		return this.jdbc.sql(SELECT + " where u.role = 'DELEGATE' and u.stakeholder_id = ? order by u.username")
			.param(stakeholderId)
			.query(Recipients::map)
			.list();
	}

	/** Secretariat staff, in user-name order. */
	List<Recipient> secretariat() {
		return this.jdbc.sql(SELECT + " where u.role = 'SECRETARIAT' order by u.username").query(Recipients::map).list();
	}

	static Recipient map(ResultSet rs, int row) throws SQLException {
		return new Recipient(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), rs.getBoolean("enabled"), MailLanguages.locale(rs.getString("language")),
				rs.getBoolean("reminders"), rs.getBoolean("digest"));
	}

}
