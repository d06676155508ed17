package org.a4p.portal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.a4p.portal.shared.Page;
import org.a4p.portal.web.ConflictPage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log, newest first, a page at a time, with each event's before and after states
 * turned into a list of fields: old value → new value.
 */
@Service
@Transactional(readOnly = true)
public class AuditQueries {

	static final int PAGE_SIZE = 50;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter WHEN_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private static final TypeReference<LinkedHashMap<String, Object>> STATE = new TypeReference<>() {
	};

	/** Which events to list; {@code null} does not filter. Days are UTC days, both ends included. */
	public record Filter(@Nullable String actor, @Nullable String action, @Nullable String entityType,
			@Nullable String entityId, @Nullable LocalDate from, @Nullable LocalDate to) {

		public static final Filter NONE = new Filter(null, null, null, null, null, null);

	}

	/**
	 * One field of the record: its value before and after the write ({@code null}: no value).
	 * @param labelKey the message key of the field's name, e.g. {@code audit.field.workflowState} (a page shows the
	 * field as it is named in the record when there is no such message)
	 * @param valueKeyPrefix where a value is a code with a name (a status, a workflow state, a role…): the message
	 * key of its name is this prefix and the value; {@code null} for values shown as they are
	 */
	public record Change(String field, @Nullable String before, @Nullable String after,
			@Nullable String valueKeyPrefix, String labelKey) {

		public boolean changed() {
			return !Objects.equals(this.before, this.after);
		}

	}

	/** An event as the log page shows it. */
	public record Entry(long id, Instant occurredAt, String when, String actor, String action, String entityType,
			@Nullable String entityId, @Nullable String summary, boolean hasBefore, boolean hasAfter,
			List<Change> changes) {

		public List<Change> changed() {
			return this.changes.stream().filter(Change::changed).toList();
		}

		public List<Change> unchanged() {
			return this.changes.stream().filter((change) -> !change.changed()).toList();
		}

		/** The message key of the action's name, e.g. {@code audit.action.CAPACITY_ASSIGNED}. */
		public String actionKey() {
			return "audit.action." + this.action;
		}

		/** The message key of the record type's name, e.g. {@code audit.entity.progress_entry}. */
		public String entityKey() {
			return "audit.entity." + this.entityType;
		}

	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditQueries(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The latest change of a record, for a conflict page: what it was, by whom, when, and whether the signed-in
	 * user made it. Empty when the log holds nothing about the record.
	 */
	public Optional<ConflictPage.LastChange> lastChange(String entityType, Object entityId) {
		String you = AuditLog.currentActor();
		return this.jdbc.sql("""
				select action, actor, occurred_at from audit_event
				where entity_type = :type and entity_id = :id
				order by occurred_at desc, id desc
				limit 1
				""")
			.param("type", entityType)
			.param("id", entityId.toString())
			.query((rs, n) -> new ConflictPage.LastChange("audit.action." + rs.getString("action"), rs.getString("actor"),
					rs.getString("actor").equals(you),
					rs.getTimestamp("occurred_at").toInstant()))
			.optional();
	}

	/** A page of the log, newest first. */
	public Page<Entry> page(Filter filter, int page) {
		StringBuilder sql = new StringBuilder("""
				select id, occurred_at, actor, action, entity_type, entity_id, summary,
				       before_state::text as before_state, after_state::text as after_state
				from audit_event where true""");
		Map<String, Object> params = new TreeMap<>();
		if (filter.actor() != null) {
			sql.append(" and actor = :actor");
			params.put("actor", filter.actor());
		}
		if (filter.action() != null) {
			sql.append(" and action = :action");
			params.put("action", filter.action());
		}
		if (filter.entityType() != null) {
			sql.append(" and entity_type = :entityType");
			params.put("entityType", filter.entityType());
		}
		if (filter.entityId() != null) {
			sql.append(" and entity_id = :entityId");
			params.put("entityId", filter.entityId());
		}
		if (filter.from() != null) {
			sql.append(" and occurred_at >= :from");
			params.put("from", filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			sql.append(" and occurred_at < :to");
			params.put("to", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		sql.append(" order by occurred_at desc, id desc").append(Page.LIMIT);
		params.putAll(Page.params(page, PAGE_SIZE));
		return Page.of(this.jdbc.sql(sql.toString()).params(params).query(this::entry).list(), page, PAGE_SIZE);
	}

	private Entry entry(ResultSet rs, int rowNum) throws SQLException {
		Instant occurredAt = rs.getTimestamp("occurred_at").toInstant();
		String before = rs.getString("before_state");
		String after = rs.getString("after_state");
		return new Entry(rs.getLong("id"), occurredAt, WHEN.format(occurredAt), rs.getString("actor"),
				rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("summary"),
				before != null, after != null, changes(rs.getString("entity_type"), before, after));
	}

	/**
	 * Fields whose values are codes with a translated name: the prefix of the name's message key. {@code state} is a
	 * state's code on most records, but a cycle's state on a reporting cycle (see {@link #valueKeyPrefix}).
	 */
	private static final Map<String, String> VALUE_NAMES = Map.of("status", "status.", "publishedStatus", "status.",
			"workflowState", "workflow.", "capacity", "admin.capacity.", "role", "role.", "side", "audit.value.side.");

	/** Every field of either state, in alphabetical order: before → after. */
	List<Change> changes(String entityType, @Nullable String beforeJson, @Nullable String afterJson) {
		Map<String, Object> before = state(beforeJson);
		Map<String, Object> after = state(afterJson);
		Set<String> fields = new TreeSet<>(after.keySet());
		fields.addAll(before.keySet());
		List<Change> changes = new ArrayList<>();
		for (String field : fields) {
			Object old = before.get(field);
			Object now = after.get(field);
			boolean cycleState = "state".equals(field) && "reporting_cycle".equals(entityType);
			changes.add(new Change(field, text(old), text(now), valueKeyPrefix(entityType, field, (now != null) ? now : old),
					cycleState ? "audit.field.cycleState" : "audit.field." + field));
		}
		return changes;
	}

	private static @Nullable String valueKeyPrefix(String entityType, String field, @Nullable Object value) {
		if (value instanceof Boolean) {
			return "audit.value.";
		}
		if ("state".equals(field)) {
			return "reporting_cycle".equals(entityType) ? "audit.value.cycle." : null;
		}
		return VALUE_NAMES.get(field);
	}

	private Map<String, Object> state(@Nullable String json) {
		if (json == null) {
			return Map.of();
		}
		try {
			Map<String, Object> state = this.json.readValue(json, STATE);
			return (state != null) ? state : Map.of();
		}
		catch (JacksonException ex) {
			// not an object: show it whole rather than fail the page
			return Map.of("(value)", json);
		}
	}

	private @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		if (value instanceof List<?> list && list.isEmpty()) {
			return null;
		}
		if (value instanceof List<?> list) {
			// simple values side by side ("1, 2"); records (evidence links: "title (address)") one a line
			boolean simple = list.stream().allMatch((item) -> item instanceof String || item instanceof Number
					|| item instanceof Boolean);
			return list.stream().map(this::item).collect(java.util.stream.Collectors.joining(simple ? ", " : "\n"));
		}
		return item(value);
	}

	/** An item of a list as a person reads it: a link as "title (address)", other values as they are. */
	private String item(@Nullable Object value) {
		if (value instanceof Map<?, ?> map && map.size() == 2 && map.get("title") != null && map.get("url") != null) {
			return map.get("title") + " (" + map.get("url") + ")";
		}
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		return this.json.writeValueAsString(value);
	}

}
