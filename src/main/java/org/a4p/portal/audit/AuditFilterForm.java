package org.a4p.portal.audit;

import java.util.Locale;

import org.a4p.portal.shared.FormText;
import org.a4p.portal.web.PeriodFilter;
import org.jspecify.annotations.Nullable;

/** The filters of the audit log page (a GET form); the period is of the day an event occurred. */
public class AuditFilterForm extends PeriodFilter {

	private @Nullable String actor;

	private @Nullable String action;

	private @Nullable String entityType;

	private @Nullable String entityId;

	AuditQueries.Filter toQuery() {
		return new AuditQueries.Filter((this.actor != null) ? this.actor.toLowerCase(Locale.ROOT) : null,
				(this.action != null) ? this.action.toUpperCase(Locale.ROOT) : null,
				(this.entityType != null) ? this.entityType.toLowerCase(Locale.ROOT) : null, this.entityId, getFrom(),
				getTo());
	}

	public @Nullable String getActor() {
		return this.actor;
	}

	public void setActor(@Nullable String actor) {
		this.actor = FormText.search(actor);
	}

	public @Nullable String getAction() {
		return this.action;
	}

	public void setAction(@Nullable String action) {
		this.action = FormText.search(action);
	}

	public @Nullable String getEntityType() {
		return this.entityType;
	}

	public void setEntityType(@Nullable String entityType) {
		this.entityType = FormText.search(entityType);
	}

	public @Nullable String getEntityId() {
		return this.entityId;
	}

	public void setEntityId(@Nullable String entityId) {
		this.entityId = FormText.search(entityId);
	}

}
