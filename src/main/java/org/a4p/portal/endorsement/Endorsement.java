package org.a4p.portal.endorsement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A stakeholder's endorsement of the Declaration. It is withdrawn, never deleted: a state that
 * endorses again later gets a new record. At most one per stakeholder is in force (not withdrawn);
 * the database enforces it with the partial unique index {@code endorsement_one_active}.
 */
@Entity
@Table(name = "endorsement")
class Endorsement {

	/** The unique index that allows one endorsement in force per stakeholder. */
	static final String ONE_IN_FORCE = "endorsement_one_active";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "stakeholder_id", nullable = false, updatable = false)
	private long stakeholderId;

	@Column(name = "endorsed_on")
	private @Nullable LocalDate endorsedOn;

	private @Nullable String source;

	private @Nullable String note;

	@Column(name = "withdrawn_on")
	private @Nullable LocalDate withdrawnOn;

	@Column(name = "withdrawal_reason")
	private @Nullable String withdrawalReason;

	@Column(nullable = false, updatable = false)
	private boolean demo;

	@Column(name = "recorded_at", nullable = false, updatable = false)
	private Instant recordedAt = Instant.EPOCH;

	@Version
	private long version;

	protected Endorsement() {
	}

	Endorsement(long stakeholderId, @Nullable LocalDate endorsedOn, String source, @Nullable String note,
			Instant recordedAt) {
		this.stakeholderId = stakeholderId;
		this.recordedAt = recordedAt;
		this.endorsedOn = endorsedOn;
		this.source = source;
		this.note = note;
	}

	void correct(@Nullable LocalDate endorsedOn, String source, @Nullable String note) {
		this.endorsedOn = endorsedOn;
		this.source = source;
		this.note = note;
	}

	void withdraw(LocalDate on, String reason) {
		if (isWithdrawn()) {
			throw new IllegalStateException("Endorsement " + this.id + " is already withdrawn");
		}
		this.withdrawnOn = on;
		this.withdrawalReason = reason;
	}

	boolean isWithdrawn() {
		return this.withdrawnOn != null;
	}

	/** The fields the audit log shows before and after a write. */
	Map<String, @Nullable Object> auditState(String stakeholderCode) {
		Map<String, @Nullable Object> state = new LinkedHashMap<>();
		state.put("stakeholder", stakeholderCode);
		state.put("endorsedOn", (this.endorsedOn != null) ? this.endorsedOn.toString() : null);
		state.put("source", this.source);
		state.put("note", this.note);
		state.put("withdrawnOn", (this.withdrawnOn != null) ? this.withdrawnOn.toString() : null);
		state.put("withdrawalReason", this.withdrawalReason);
		state.put("version", this.version);
		return state;
	}

	@Nullable Long getId() {
		return this.id;
	}

	long requireId() {
		if (this.id == null) {
			throw new IllegalStateException("Not saved yet");
		}
		return this.id;
	}

	long getStakeholderId() {
		return this.stakeholderId;
	}

	@Nullable LocalDate getEndorsedOn() {
		return this.endorsedOn;
	}

	@Nullable String getSource() {
		return this.source;
	}

	@Nullable String getNote() {
		return this.note;
	}

	@Nullable LocalDate getWithdrawnOn() {
		return this.withdrawnOn;
	}

	@Nullable String getWithdrawalReason() {
		return this.withdrawalReason;
	}

	long getVersion() {
		return this.version;
	}

}
