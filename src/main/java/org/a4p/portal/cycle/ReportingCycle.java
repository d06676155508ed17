package org.a4p.portal.cycle;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A reporting cycle: a period, the day it opens, a deadline, the days before it to remind, and whether it is open. */
@Entity
@Table(name = "reporting_cycle")
class ReportingCycle {

	/** The unique constraint on the code. */
	static final String UNIQUE_CODE = "reporting_cycle_code_key";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, updatable = false)
	private String code = "";

	@Column(name = "period_start", nullable = false, updatable = false)
	private LocalDate periodStart = LocalDate.MIN;

	@Column(name = "period_end", nullable = false, updatable = false)
	private LocalDate periodEnd = LocalDate.MIN;

	@Column(name = "opens_on", nullable = false, updatable = false)
	private LocalDate opensOn = LocalDate.MIN;

	@Column(nullable = false)
	private LocalDate deadline = LocalDate.MIN;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CycleState state = CycleState.OPEN;

	@Column(nullable = false, updatable = false)
	private boolean demo;

	/** Days before the deadline on which reminders go out, longest first ({@link ReminderDays}). */
	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "reminder_days", nullable = false)
	private Integer[] reminderDays = ReminderDays.DEFAULT.array();

	@Version
	private long version;

	protected ReportingCycle() {
	}

	ReportingCycle(String code, LocalDate periodStart, LocalDate periodEnd, LocalDate opensOn, LocalDate deadline,
			CycleState state, ReminderDays reminderDays) {
		this.code = code;
		this.periodStart = periodStart;
		this.periodEnd = periodEnd;
		this.opensOn = opensOn;
		this.deadline = deadline;
		this.state = state;
		this.reminderDays = reminderDays.array();
	}

	void changeDeadline(LocalDate deadline) {
		if (deadline.isBefore(this.opensOn)) {
			throw new IllegalArgumentException("The deadline cannot come before the cycle opens");
		}
		this.deadline = deadline;
	}

	void changeReminderDays(ReminderDays days) {
		this.reminderDays = days.array();
	}

	void setState(CycleState state) {
		this.state = state;
	}

	Map<String, @Nullable Object> auditState() {
		Map<String, @Nullable Object> state = new LinkedHashMap<>();
		state.put("code", this.code);
		state.put("periodStart", this.periodStart.toString());
		state.put("periodEnd", this.periodEnd.toString());
		state.put("opensOn", this.opensOn.toString());
		state.put("deadline", this.deadline.toString());
		state.put("state", this.state.name());
		state.put("reminderDays", getReminderDays().text());
		state.put("version", this.version);
		return state;
	}

	@Nullable Long getId() {
		return this.id;
	}

	String getCode() {
		return this.code;
	}

	LocalDate getOpensOn() {
		return this.opensOn;
	}

	LocalDate getDeadline() {
		return this.deadline;
	}

	ReminderDays getReminderDays() {
		return ReminderDays.of(this.reminderDays);
	}

	CycleState getState() {
		return this.state;
	}

	long getVersion() {
		return this.version;
	}

}
