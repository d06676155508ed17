package org.a4p.portal.audit;

import java.util.Map;

import org.a4p.portal.shared.ContentChanged;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a write in the audit log: who (the signed-in user, else {@code system}), when, what, and
 * the state before and after as JSON. It joins the caller's transaction and refuses to run
 * without one, so an audit row exists exactly when the write it describes was committed. Every
 * audited write announces a {@link ContentChanged} in its transaction: cached pages go when it commits.
 */
@Component
public class AuditLog {

	public static final String SYSTEM = "system";

	/** The actor of a sign-in event when nobody is signed in. */
	public static final String ANONYMOUS = "anonymous";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	AuditLog(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
	}

	/**
	 * @param action what happened, e.g. {@code ENDORSEMENT_WITHDRAWN}
	 * @param entityType the kind of record, e.g. {@code endorsement}
	 * @param entityId the record's id or code
	 * @param summary a short human-readable description (stored as given, shown as text)
	 * @param before the record's relevant fields before the write ({@code null} for a creation)
	 * @param after the record's relevant fields after the write ({@code null} for a deletion)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String entityType, @Nullable Object entityId, @Nullable String summary,
			@Nullable Map<String, ?> before, @Nullable Map<String, ?> after) {
		this.jdbc.sql("""
				insert into audit_event (actor, action, entity_type, entity_id, summary, before_state, after_state)
				values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
				""")
			.params(currentActor(), action, entityType, (entityId != null) ? entityId.toString() : null, summary,
					toJson(before), toJson(after))
			.update();
		// Every audited write may change what a page shows: cached pages go at commit.
		this.events.publishEvent(new ContentChanged(entityType));
	}

	/**
	 * Records a sign-in event (a failed sign-in, a lock-out): like {@link #record}, in the caller's
	 * transaction, but it changes nothing any page shows, so no {@link ContentChanged} is announced (failed
	 * sign-ins must not empty the page caches). The actor is the signed-in user, else {@code anonymous}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordSignInEvent(String action, @Nullable Object userId, String summary,
			@Nullable Map<String, ?> details) {
		String actor = currentActor();
		this.jdbc.sql("""
				insert into audit_event (actor, action, entity_type, entity_id, summary, after_state)
				values (?, ?, 'user', ?, ?, cast(? as jsonb))
				""")
			.params(SYSTEM.equals(actor) ? ANONYMOUS : actor, action, (userId != null) ? userId.toString() : null,
					summary, toJson(details))
			.update();
	}

	private @Nullable String toJson(@Nullable Map<String, ?> state) {
		return (state != null) ? this.json.writeValueAsString(state) : null;
	}

	/** The signed-in user's name, or {@code system} for work done at start-up or by a command. */
	public static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getPrincipal())) {
			return SYSTEM;
		}
		return authentication.getName();
	}

}
