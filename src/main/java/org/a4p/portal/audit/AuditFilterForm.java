package org.a4p.portal.audit;

import java.time.LocalDate;
import java.util.Locale;

import org.a4p.portal.shared.FormText;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** The filters of the audit log page (a GET form). */
public class AuditFilterForm {

	private @Nullable String actor;

	private @Nullable String action;

	private @Nullable String entityType;

	private @Nullable String entityId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate to;

	AuditQueries.Filter toQuery() {
		return new AuditQueries.Filter((this.actor != null) ? this.actor.toLowerCase(Locale.ROOT) : null,
				(this.action != null) ? this.action.toUpperCase(Locale.ROOT) : null,
				(this.entityType != null) ? this.entityType.toLowerCase(Locale.ROOT) : null, this.entityId, this.from,
				this.to);
	}

	private static @Nullable String clean(@Nullable String text) {
		String cleaned = FormText.clean(text);
		return (cleaned != null && cleaned.length() > 100) ? cleaned.substring(0, 100) : cleaned;
	}

	public @Nullable String getActor() {
		return this.actor;
	}

	public void setActor(@Nullable String actor) {
		this.actor = clean(actor);
	}

	public @Nullable String getAction() {
		return this.action;
	}

	public void setAction(@Nullable String action) {
		this.action = clean(action);
	}

	public @Nullable String getEntityType() {
		return this.entityType;
	}

	public void setEntityType(@Nullable String entityType) {
		this.entityType = clean(entityType);
	}

	public @Nullable String getEntityId() {
		return this.entityId;
	}

	public void setEntityId(@Nullable String entityId) {
		this.entityId = clean(entityId);
	}

	public @Nullable LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(@Nullable LocalDate from) {
		this.from = from;
	}

	public @Nullable LocalDate getTo() {
		return this.to;
	}

	public void setTo(@Nullable LocalDate to) {
		this.to = to;
	}

}
