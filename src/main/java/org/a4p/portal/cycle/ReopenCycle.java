package org.a4p.portal.cycle;

import org.a4p.portal.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator reopens a closed cycle: its entries can be written again. */
@Service
class ReopenCycle {

	private final ReportingCycleRepository cycles;

	private final AuditLog audit;

	ReopenCycle(ReportingCycleRepository cycles, AuditLog audit) {
		this.cycles = cycles;
		this.audit = audit;
	}

	/** @return whether anything changed */
	@Transactional
	boolean reopen(long id, @Nullable Long expectedVersion) {
		return CloseCycle.setState(this.cycles, this.audit, id, expectedVersion, CycleState.OPEN, "CYCLE_REOPENED",
				"reopened");
	}

}
