package org.a4p.portal.endorsement;

import java.time.LocalDate;

import org.a4p.portal.shared.FormText;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** The filters of the administration list of endorsements (a GET form). */
public class EndorsementFilter {

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

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate to;

	EndorsementQueries.AdminFilter toQuery() {
		String search = (this.q != null && this.q.length() > 100) ? this.q.substring(0, 100) : this.q;
		return new EndorsementQueries.AdminFilter((this.kind != null) ? this.kind.name() : null, search,
				(this.status != null) ? this.status == Status.IN_FORCE : null, this.from, this.to);
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
