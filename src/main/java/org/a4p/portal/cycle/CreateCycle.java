package org.a4p.portal.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.DatabaseConstraint;
import org.a4p.portal.shared.Refusal.Problem;
import org.a4p.portal.shared.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator creates a reporting cycle: a unique code, a period that overlaps no other cycle's,
 * a deadline not before the opening day, and the days before the deadline on which to remind
 * ({@link ReminderDays}).
 */
@Service
class CreateCycle {

	/**
	 * The cycle to create. Values may be missing where the form was incomplete ({@link #problems} checks
	 * those given); {@link #create} refuses such a command.
	 * @param reminderDays the reminder days as typed, such as {@code 30, 7, 1} (empty: none)
	 */
	record Command(@Nullable String code, @Nullable LocalDate periodStart, @Nullable LocalDate periodEnd,
			@Nullable LocalDate opensOn, @Nullable LocalDate deadline, @Nullable CycleState state,
			@Nullable String reminderDays) {
	}

	private final ReportingCycleRepository cycles;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	CreateCycle(ReportingCycleRepository cycles, JdbcClient jdbc, AuditLog audit) {
		this.cycles = cycles;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** What the rules say about this cycle (nothing: it can be saved); values not given are skipped. */
	@Transactional(readOnly = true)
	List<Problem> problems(Command command) {
		List<Problem> problems = new ArrayList<>();
		String code = command.code();
		if (code != null && this.cycles.codeTaken(code)) {
			problems.add(new Problem("code", "admin.cycle.code.taken", code));
		}
		LocalDate start = command.periodStart();
		LocalDate end = command.periodEnd();
		if (start != null && end != null) {
			if (end.isBefore(start)) {
				problems.add(new Problem("periodEnd", "admin.cycle.period-end.before-start"));
			}
			else {
				this.cycles.overlapping(start, end)
					.stream()
					.findFirst()
					.ifPresent((other) -> problems.add(new Problem("periodStart", "admin.cycle.overlap", other.getCode())));
			}
		}
		if (command.opensOn() != null && command.deadline() != null && command.deadline().isBefore(command.opensOn())) {
			problems.add(new Problem("deadline", "admin.cycle.deadline.before-opening"));
		}
		problems.addAll(ReminderDays.problems("reminderDays", command.reminderDays()));
		return problems;
	}

	/** @return the new cycle's code */
	@Transactional
	String create(Command command) {
		// one creation at a time, so two cycles with overlapping periods cannot both pass the check
		this.jdbc.sql("lock table reporting_cycle in share row exclusive mode").update();
		Refusal.throwIfAny(problems(command));
		ReportingCycle cycle = new ReportingCycle(Objects.requireNonNull(command.code(), "code"),
				Objects.requireNonNull(command.periodStart(), "periodStart"),
				Objects.requireNonNull(command.periodEnd(), "periodEnd"), Objects.requireNonNull(command.opensOn(), "opensOn"),
				Objects.requireNonNull(command.deadline(), "deadline"), Objects.requireNonNull(command.state(), "state"),
				ReminderDays.parse("reminderDays", command.reminderDays()));
		try {
			this.cycles.saveAndFlush(cycle);
		}
		catch (DataIntegrityViolationException ex) {
			if (DatabaseConstraint.violated(ex, ReportingCycle.UNIQUE_CODE)) {
				throw Refusal.of("code", "admin.cycle.code.taken", cycle.getCode());
			}
			throw ex;
		}
		this.audit.record("CYCLE_CREATED", "reporting_cycle", cycle.getId(), "Reporting cycle " + cycle.getCode()
				+ " created", null, cycle.auditState());
		return cycle.getCode();
	}

}
