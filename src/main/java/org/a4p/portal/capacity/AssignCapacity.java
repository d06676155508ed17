package org.a4p.portal.capacity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.shared.Refusal.Problem;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.stakeholder.StakeholderDirectory.Stakeholder;
import org.a4p.portal.stakeholder.StakeholderDirectory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator assigns a capacity (Security Council, T/PCC, host state) to a Member State for a
 * period. Periods of the same capacity for the same state never overlap.
 */
@Service
class AssignCapacity {

	/**
	 * What to assign. The state, the capacity and the first day may be missing where the form was
	 * incomplete ({@link #problems} says what it can); {@link #assign} refuses such a command.
	 */
	record Command(@Nullable String stateCode, @Nullable Capacity capacity, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn, @Nullable String note) {
	}

	private final CapacityAssignmentRepository assignments;

	private final StakeholderDirectory stakeholders;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	AssignCapacity(CapacityAssignmentRepository assignments, StakeholderDirectory stakeholders, JdbcClient jdbc,
			AuditLog audit) {
		this.assignments = assignments;
		this.stakeholders = stakeholders;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** What the rules say about this assignment (nothing: it can be saved). Run in the writing transaction too. */
	@Transactional(readOnly = true)
	List<Problem> problems(Command command) {
		List<Problem> problems = new ArrayList<>();
		Stakeholder state = this.stakeholders.byCode(command.stateCode()).orElse(null);
		if (command.stateCode() == null) {
			problems.add(new Problem("stateCode", "admin.capacity.state.required"));
		}
		else if (state == null) {
			problems.add(new Problem("stateCode", "admin.capacity.state.unknown", command.stateCode()));
		}
		else if (!state.isMemberState()) {
			problems.add(new Problem("stateCode", "admin.capacity.state.not-member-state", state.code()));
		}
		Capacity capacity = command.capacity();
		if (capacity != null && !capacity.isAssignable()) {
			problems.add(new Problem("capacity", "admin.capacity.capacity.required"));
		}
		LocalDate startsOn = command.startsOn();
		if (startsOn != null && command.endsOn() != null && command.endsOn().isBefore(startsOn)) {
			problems.add(new Problem("endsOn", "admin.capacity.ends-on.before-start"));
		}
		else if (state != null && state.isMemberState() && capacity != null && capacity.isAssignable()
				&& startsOn != null) {
			overlap(this.assignments, state.id(), capacity, startsOn, command.endsOn(), -1, "startsOn")
				.ifPresent(problems::add);
		}
		return problems;
	}

	/** @return the code of the state the capacity was assigned to */
	@Transactional
	String assign(Command command) {
		Stakeholder state = this.stakeholders.byCode(command.stateCode()).orElse(null);
		if (state != null) {
			lock(this.jdbc, state.id());
		}
		Refusal.throwIfAny(problems(command));
		Objects.requireNonNull(state);
		Capacity capacity = Objects.requireNonNull(command.capacity(), "capacity");
		CapacityAssignment assignment = this.assignments.saveAndFlush(new CapacityAssignment(state.id(), capacity,
				Objects.requireNonNull(command.startsOn(), "startsOn"), command.endsOn(), command.note()));
		this.audit.record("CAPACITY_ASSIGNED", "capacity_assignment", assignment.getId(),
				capacity + " assigned to " + state.code(), null, assignment.auditState(state.code()));
		return state.code();
	}

	/**
	 * Serializes the writes of one state's assignments, so two administrators cannot both pass the
	 * overlap check (held until the transaction ends).
	 */
	static void lock(JdbcClient jdbc, long stakeholderId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('capacity_assignment'), cast(? as integer))")
			.param(stakeholderId)
			.query()
			.singleRow();
	}

	static Optional<Problem> overlap(CapacityAssignmentRepository assignments, long stakeholderId, Capacity capacity,
			LocalDate startsOn, @Nullable LocalDate endsOn, long exceptId, String field) {
		return assignments
			.overlapping(stakeholderId, capacity, startsOn,
					(endsOn != null) ? endsOn : CapacityAssignmentRepository.OPEN_END, exceptId)
			.stream()
			.findFirst()
			.map((other) -> new Problem(field, "admin.capacity.overlap", other.getStartsOn().toString(),
					(other.getEndsOn() != null) ? other.getEndsOn().toString() : "…"));
	}

}
