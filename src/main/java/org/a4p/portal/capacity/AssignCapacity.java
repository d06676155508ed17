package org.a4p.portal.capacity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

	/** What the rules say about this form (nothing: it can be saved). Run in the writing transaction too. */
	@Transactional(readOnly = true)
	List<Problem> problems(AssignmentForm form) {
		List<Problem> problems = new ArrayList<>();
		Stakeholder state = this.stakeholders.byCode(form.getStateCode()).orElse(null);
		if (form.getStateCode() == null) {
			problems.add(new Problem("stateCode", "admin.capacity.state.required"));
		}
		else if (state == null) {
			problems.add(new Problem("stateCode", "admin.capacity.state.unknown", form.getStateCode()));
		}
		else if (!state.isMemberState()) {
			problems.add(new Problem("stateCode", "admin.capacity.state.not-member-state", state.code()));
		}
		if (form.getCapacity() != null && !form.getCapacity().isAssignable()) {
			problems.add(new Problem("capacity", "admin.capacity.capacity.required"));
		}
		LocalDate startsOn = form.getStartsOn();
		if (startsOn != null && form.getEndsOn() != null && form.getEndsOn().isBefore(startsOn)) {
			problems.add(new Problem("endsOn", "admin.capacity.ends-on.before-start"));
		}
		else if (state != null && state.isMemberState() && form.getCapacity() != null
				&& form.getCapacity().isAssignable() && startsOn != null) {
			overlap(this.assignments, state.id(), form.getCapacity(), startsOn, form.getEndsOn(), -1, "startsOn")
				.ifPresent(problems::add);
		}
		return problems;
	}

	@Transactional
	long assign(AssignmentForm form) {
		Stakeholder state = this.stakeholders.byCode(form.getStateCode()).orElse(null);
		if (state != null) {
			lock(this.jdbc, state.id());
		}
		Refusal.throwIfAny(problems(form));
		Objects.requireNonNull(state);
		CapacityAssignment assignment = this.assignments.saveAndFlush(new CapacityAssignment(state.id(),
				Objects.requireNonNull(form.getCapacity()), Objects.requireNonNull(form.getStartsOn()), form.getEndsOn(),
				form.getNote()));
		this.audit.record("CAPACITY_ASSIGNED", "capacity_assignment", assignment.getId(),
				form.getCapacity() + " assigned to " + state.code(), null, assignment.auditState(state.code()));
		return Objects.requireNonNull(assignment.getId());
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

	static java.util.Optional<Problem> overlap(CapacityAssignmentRepository assignments, long stakeholderId,
			Capacity capacity, LocalDate startsOn, @Nullable LocalDate endsOn, long exceptId, String field) {
		return assignments
			.overlapping(stakeholderId, capacity, startsOn,
					(endsOn != null) ? endsOn : CapacityAssignmentRepository.OPEN_END, exceptId)
			.stream()
			.findFirst()
			.map((other) -> new Problem(field, "admin.capacity.overlap", other.getStartsOn().toString(),
					(other.getEndsOn() != null) ? other.getEndsOn().toString() : "…"));
	}

}
