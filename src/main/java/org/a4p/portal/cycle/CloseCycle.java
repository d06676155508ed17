package org.a4p.portal.cycle;

import java.util.Map;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Versions;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator closes a cycle: its entries become read-only (until it is reopened), and what the public
 * sees of it is published ({@link CycleClosed}, in the same transaction).
 */
@Service
class CloseCycle {

	private final ReportingCycleRepository cycles;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	CloseCycle(ReportingCycleRepository cycles, AuditLog audit, ApplicationEventPublisher events) {
		this.cycles = cycles;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * @param expectedVersion the version the administrator saw, or {@code null} when the request did
	 * not carry one (closing twice has the same result as closing once)
	 * @return whether anything changed
	 */
	@Transactional
	boolean close(long id, @Nullable Long expectedVersion) {
		boolean changed = setState(this.cycles, this.audit, id, expectedVersion, CycleState.CLOSED, "CYCLE_CLOSED",
				"closed");
		if (changed) {
			ReportingCycle cycle = this.cycles.findById(id).orElseThrow();
			this.events.publishEvent(new CycleClosed(id, cycle.getCode()));
		}
		return changed;
	}

	static boolean setState(ReportingCycleRepository cycles, AuditLog audit, long id, @Nullable Long expectedVersion,
			CycleState state, String action, String verb) {
		ReportingCycle cycle = load(cycles, id);
		if (cycle.getState() == state) {
			return false;
		}
		if (expectedVersion != null) {
			Versions.require(ReportingCycle.class, id, cycle.getVersion(), expectedVersion);
		}
		Map<String, @Nullable Object> before = cycle.auditState();
		cycle.setState(state);
		cycles.saveAndFlush(cycle);
		audit.record(action, "reporting_cycle", id, "Reporting cycle " + cycle.getCode() + " " + verb, before,
				cycle.auditState());
		return true;
	}

	static ReportingCycle load(ReportingCycleRepository cycles, long id) {
		return cycles.findById(id).orElseThrow(() -> new NotFoundException("reporting cycle " + id));
	}

}
