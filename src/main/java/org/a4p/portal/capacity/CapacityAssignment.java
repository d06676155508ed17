package org.a4p.portal.capacity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.a4p.portal.catalogue.Capacity;
import org.jspecify.annotations.Nullable;

/** A Member State holds a capacity from {@code startsOn} to {@code endsOn} (inclusive; open-ended when null). */
@Entity
@Table(name = "capacity_assignment")
class CapacityAssignment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "stakeholder_id", nullable = false, updatable = false)
	private long stakeholderId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Capacity capacity = Capacity.TPCC;

	@Column(name = "starts_on", nullable = false, updatable = false)
	private LocalDate startsOn = LocalDate.MIN;

	@Column(name = "ends_on")
	private @Nullable LocalDate endsOn;

	private @Nullable String note;

	@Column(nullable = false, updatable = false)
	private boolean demo;

	@Version
	private long version;

	protected CapacityAssignment() {
	}

	CapacityAssignment(long stakeholderId, Capacity capacity, LocalDate startsOn, @Nullable LocalDate endsOn,
			@Nullable String note) {
		if (!capacity.isAssignable()) {
			throw new IllegalArgumentException(capacity + " is not held over a period");
		}
		this.stakeholderId = stakeholderId;
		this.capacity = capacity;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.note = note;
	}

	void endOn(LocalDate endsOn) {
		if (endsOn.isBefore(this.startsOn)) {
			throw new IllegalArgumentException("An assignment cannot end before it starts");
		}
		this.endsOn = endsOn;
	}

	Map<String, @Nullable Object> auditState(String stateCode) {
		Map<String, @Nullable Object> state = new LinkedHashMap<>();
		state.put("state", stateCode);
		state.put("capacity", this.capacity.name());
		state.put("startsOn", this.startsOn.toString());
		state.put("endsOn", (this.endsOn != null) ? this.endsOn.toString() : null);
		state.put("note", this.note);
		state.put("version", this.version);
		return state;
	}

	@Nullable Long getId() {
		return this.id;
	}

	long getStakeholderId() {
		return this.stakeholderId;
	}

	Capacity getCapacity() {
		return this.capacity;
	}

	LocalDate getStartsOn() {
		return this.startsOn;
	}

	@Nullable LocalDate getEndsOn() {
		return this.endsOn;
	}

	long getVersion() {
		return this.version;
	}

}
