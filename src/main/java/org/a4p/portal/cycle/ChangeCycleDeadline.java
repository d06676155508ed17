package org.a4p.portal.cycle;

import java.time.LocalDate;
import java.util.Map;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.shared.Versions;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator sets or moves a cycle's deadline (never before the day it opens). */
@Service
class ChangeCycleDeadline {

	/** The new deadline, and the version the administrator saw. */
	record Command(long version, LocalDate deadline) {
	}

	private final ReportingCycleRepository cycles;

	private final AuditLog audit;

	ChangeCycleDeadline(ReportingCycleRepository cycles, AuditLog audit) {
		this.cycles = cycles;
		this.audit = audit;
	}

	/** @return whether anything changed */
	@Transactional
	boolean change(long id, Command command) {
		ReportingCycle cycle = CloseCycle.load(this.cycles, id);
		Versions.require(ReportingCycle.class, id, cycle.getVersion(), command.version());
		LocalDate deadline = command.deadline();
		if (deadline.isBefore(cycle.getOpensOn())) {
			throw Refusal.of("deadline", "admin.cycle.deadline.before-opening");
		}
		if (deadline.equals(cycle.getDeadline())) {
			return false;
		}
		Map<String, @Nullable Object> before = cycle.auditState();
		cycle.changeDeadline(deadline);
		this.cycles.saveAndFlush(cycle);
		this.audit.record("CYCLE_DEADLINE_CHANGED", "reporting_cycle", id,
				"Deadline of cycle " + cycle.getCode() + " set to " + deadline, before, cycle.auditState());
		return true;
	}

}
