package org.a4p.portal.endorsement;

import org.a4p.portal.shared.FormText;
import org.a4p.portal.web.PeriodFilter;
import org.jspecify.annotations.Nullable;

/** The filters of the administration list of endorsements (a GET form); the period is of the endorsement's date. */
public class EndorsementFilter extends PeriodFilter {

	/** Who endorsed. */
	public enum Kind {

		MEMBER_STATE, ORGANIZATION

	}

	/** In force or withdrawn. */
	public enum Status {

		IN_FORCE, WITHDRAWN

	}

	private @Nullable Kind kind;

	private @Nullable String q;

	private @Nullable Status status;

	EndorsementQueries.AdminFilter toQuery() {
		return new EndorsementQueries.AdminFilter((this.kind != null) ? this.kind.name() : null, FormText.search(this.q),
				(this.status != null) ? this.status == Status.IN_FORCE : null, getFrom(), getTo());
	}

	public @Nullable Kind getKind() {
		return this.kind;
	}

	public void setKind(@Nullable Kind kind) {
		this.kind = kind;
	}

	public @Nullable String getQ() {
		return this.q;
	}

	public void setQ(@Nullable String q) {
		this.q = FormText.clean(q);
	}

	public @Nullable Status getStatus() {
		return this.status;
	}

	public void setStatus(@Nullable Status status) {
		this.status = status;
	}

}
