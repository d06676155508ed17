package org.a4p.portal.cycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.DatabaseConstraint;
import org.a4p.portal.shared.Refusal.Problem;
import org.a4p.portal.shared.Refusal;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator creates a reporting cycle: a unique code, a period that overlaps no other cycle's,
 * a deadline not before the opening day.
 */
@Service
class CreateCycle {

	private final ReportingCycleRepository cycles;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	CreateCycle(ReportingCycleRepository cycles, JdbcClient jdbc, AuditLog audit) {
		this.cycles = cycles;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** What the rules say about this form (nothing: it can be saved); fields with no value are skipped. */
	@Transactional(readOnly = true)
	List<Problem> problems(CycleForm form) {
		List<Problem> problems = new ArrayList<>();
		if (form.getCode() != null && this.cycles.codeTaken(form.getCode())) {
			problems.add(new Problem("code", "admin.cycle.code.taken", form.getCode()));
		}
		if (form.getPeriodStart() != null && form.getPeriodEnd() != null) {
			if (form.getPeriodEnd().isBefore(form.getPeriodStart())) {
				problems.add(new Problem("periodEnd", "admin.cycle.period-end.before-start"));
			}
			else {
				this.cycles.overlapping(form.getPeriodStart(), form.getPeriodEnd())
					.stream()
					.findFirst()
					.ifPresent((other) -> problems.add(new Problem("periodStart", "admin.cycle.overlap", other.getCode())));
			}
		}
		if (form.getOpensOn() != null && form.getDeadline() != null && form.getDeadline().isBefore(form.getOpensOn())) {
			problems.add(new Problem("deadline", "admin.cycle.deadline.before-opening"));
		}
		return problems;
	}

	@Transactional
	long create(CycleForm form) {
		// one creation at a time, so two cycles with overlapping periods cannot both pass the check
		this.jdbc.sql("lock table reporting_cycle in share row exclusive mode").update();
		Refusal.throwIfAny(problems(form));
		ReportingCycle cycle = new ReportingCycle(Objects.requireNonNull(form.getCode()),
				Objects.requireNonNull(form.getPeriodStart()), Objects.requireNonNull(form.getPeriodEnd()),
				Objects.requireNonNull(form.getOpensOn()), Objects.requireNonNull(form.getDeadline()),
				Objects.requireNonNull(form.getState()));
		try {
			this.cycles.saveAndFlush(cycle);
		}
		catch (DataIntegrityViolationException ex) {
			if (DatabaseConstraint.violated(ex, ReportingCycle.UNIQUE_CODE)) {
				throw Refusal.of("code", "admin.cycle.code.taken", form.getCode());
			}
			throw ex;
		}
		this.audit.record("CYCLE_CREATED", "reporting_cycle", cycle.getId(), "Reporting cycle " + cycle.getCode()
				+ " created", null, cycle.auditState());
		return Objects.requireNonNull(cycle.getId());
	}

}
