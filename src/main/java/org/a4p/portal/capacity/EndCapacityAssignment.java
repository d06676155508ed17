package org.a4p.portal.capacity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Refusal.Problem;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.shared.Versions;
import org.a4p.portal.stakeholder.StakeholderDirectory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator ends an assignment (sets, or corrects, its last day). */
@Service
class EndCapacityAssignment {

	/** The assignment's last day, and the version the administrator saw. */
	record Command(long version, LocalDate endsOn) {
	}

	private final CapacityAssignmentRepository assignments;

	private final StakeholderDirectory stakeholders;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	EndCapacityAssignment(CapacityAssignmentRepository assignments, StakeholderDirectory stakeholders, JdbcClient jdbc,
			AuditLog audit) {
		this.assignments = assignments;
		this.stakeholders = stakeholders;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** @return whether anything changed */
	@Transactional
	boolean end(long id, Command command) {
		CapacityAssignment assignment = this.assignments.findById(id)
			.orElseThrow(() -> new NotFoundException("capacity assignment " + id));
		AssignCapacity.lock(this.jdbc, assignment.getStakeholderId());
		Versions.require(CapacityAssignment.class, id, assignment.getVersion(), command.version());
		LocalDate endsOn = command.endsOn();
		List<Problem> problems = new ArrayList<>();
		if (endsOn.isBefore(assignment.getStartsOn())) {
			problems.add(new Problem("endsOn", "admin.capacity.ends-on.before-start"));
		}
		else {
			AssignCapacity.overlap(this.assignments, assignment.getStakeholderId(), assignment.getCapacity(),
					assignment.getStartsOn(), endsOn, id, "endsOn").ifPresent(problems::add);
		}
		Refusal.throwIfAny(problems);
		if (endsOn.equals(assignment.getEndsOn())) {
			return false;
		}
		String code = this.stakeholders.byId(assignment.getStakeholderId()).orElseThrow().code();
		Map<String, @Nullable Object> before = assignment.auditState(code);
		assignment.endOn(endsOn);
		this.assignments.saveAndFlush(assignment);
		this.audit.record("CAPACITY_ENDED", "capacity_assignment", id,
				assignment.getCapacity() + " of " + code + " ends on " + endsOn, before, assignment.auditState(code));
		return true;
	}

}
