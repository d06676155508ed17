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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.a4p.portal.shared.Page;
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

	private static final TypeReference<LinkedHashMap<String, Object>> STATE = new TypeReference<>() {
	};

	/** Which events to list; {@code null} does not filter. Days are UTC days, both ends included. */
	public record Filter(@Nullable String actor, @Nullable String action, @Nullable String entityType,
			@Nullable String entityId, @Nullable LocalDate from, @Nullable LocalDate to) {

		public static final Filter NONE = new Filter(null, null, null, null, null, null);

	}

	/** One field of the record: its value before and after the write ({@code null}: no value). */
	public record Change(String field, @Nullable String before, @Nullable String after) {

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

	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditQueries(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
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
				before != null, after != null, changes(before, after));
	}

	/** Every field of either state, in alphabetical order: before → after. */
	List<Change> changes(@Nullable String beforeJson, @Nullable String afterJson) {
		Map<String, Object> before = state(beforeJson);
		Map<String, Object> after = state(afterJson);
		Set<String> fields = new TreeSet<>(after.keySet());
		fields.addAll(before.keySet());
		List<Change> changes = new ArrayList<>();
		for (String field : fields) {
			changes.add(new Change(field, text(before.get(field)), text(after.get(field))));
		}
		return changes;
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
		return this.json.writeValueAsString(value);
	}

}
