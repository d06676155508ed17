package org.a4p.portal.cycle;

import java.time.LocalDate;
import java.util.Map;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.shared.Versions;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator sets or moves a cycle's deadline (never before the day it opens) and the days before it on
 * which to remind ({@link ReminderDays}).
 */
@Service
class ChangeCycleDeadline {

	/**
	 * The new deadline and reminder days, and the version the administrator saw.
	 * @param reminderDays the reminder days as typed, such as {@code 30, 7, 1} (empty: none; {@code null}: keep
	 *        the cycle's)
	 */
	record Command(long version, LocalDate deadline, @Nullable String reminderDays) {
	}

	/** What changed. */
	record Changed(boolean deadline, boolean reminderDays) {

		boolean any() {
			return this.deadline || this.reminderDays;
		}

	}

	private final ReportingCycleRepository cycles;

	private final AuditLog audit;

	ChangeCycleDeadline(ReportingCycleRepository cycles, AuditLog audit) {
		this.cycles = cycles;
		this.audit = audit;
	}

	@Transactional
	Changed change(long id, Command command) {
		ReportingCycle cycle = CloseCycle.load(this.cycles, id);
		Versions.require(ReportingCycle.class, id, cycle.getVersion(), command.version());
		LocalDate deadline = command.deadline();
		if (deadline.isBefore(cycle.getOpensOn())) {
			throw Refusal.of("deadline", "admin.cycle.deadline.before-opening");
		}
		ReminderDays days = (command.reminderDays() != null) ? ReminderDays.parse("reminderDays", command.reminderDays())
				: cycle.getReminderDays();
		Changed changed = new Changed(!deadline.equals(cycle.getDeadline()), !days.equals(cycle.getReminderDays()));
		if (!changed.any()) {
			return changed;
		}
		Map<String, @Nullable Object> before = cycle.auditState();
		cycle.changeDeadline(deadline);
		cycle.changeReminderDays(days);
		this.cycles.saveAndFlush(cycle);
		if (changed.deadline()) {
			this.audit.record("CYCLE_DEADLINE_CHANGED", "reporting_cycle", id,
					"Deadline of cycle " + cycle.getCode() + " set to " + deadline, before, cycle.auditState());
		}
		else {
			this.audit.record("CYCLE_REMINDERS_CHANGED", "reporting_cycle", id,
					"Reminder days of cycle " + cycle.getCode() + " set to " + days.text(), before, cycle.auditState());
		}
		return changed;
	}

}
