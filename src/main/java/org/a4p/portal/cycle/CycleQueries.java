package org.a4p.portal.cycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Rows;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads reporting cycles. */
@Service
@Transactional(readOnly = true)
public class CycleQueries {

	private static final String SELECT = "select id, code, period_start, period_end, opens_on, deadline, "
			+ "state = 'OPEN' as open, demo from reporting_cycle ";

	/**
	 * A cycle as the administration pages show it, with its version (optimistic locking).
	 * @param reminderDays the days before the deadline on which reminders go out, longest first
	 */
	public record AdminCycle(long id, String code, LocalDate periodStart, LocalDate periodEnd, LocalDate opensOn,
			LocalDate deadline, CycleState state, boolean demo, long version, List<Integer> reminderDays) {

		public boolean open() {
			return this.state == CycleState.OPEN;
		}

		/** The reminder days as the form takes them: {@code 30, 7, 1}; empty for none. */
		public String reminderDaysText() {
			return new ReminderDays(this.reminderDays).text();
		}

	}

	private static final String ADMIN_SELECT = "select id, code, period_start, period_end, opens_on, deadline, state, "
			+ "demo, version, reminder_days from reporting_cycle ";

	private final JdbcClient jdbc;

	CycleQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The cycle pages show by default: the latest open one, else the latest one. */
	public Optional<CycleView> current() {
		return this.jdbc.sql(SELECT + "order by (state = 'OPEN') desc, period_start desc, id desc limit 1")
			.query(Rows.of(CycleView.class))
			.optional();
	}

	public Optional<CycleView> byId(long id) {
		return this.jdbc.sql(SELECT + "where id = ?").param(id).query(Rows.of(CycleView.class)).optional();
	}

	/**
	 * The cycle a page's {@code ?cycle=} names, or the current one when it names none (none without any
	 * cycle).
	 * @throws NotFoundException when it names a cycle that does not exist
	 */
	public @Nullable CycleView selected(@Nullable String code) {
		return (code == null || code.isBlank()) ? current().orElse(null)
				: byCode(code).orElseThrow(() -> new NotFoundException("cycle " + code));
	}

	public Optional<CycleView> byCode(String code) {
		return this.jdbc.sql(SELECT + "where code = ?").param(code).query(Rows.of(CycleView.class)).optional();
	}

	/** Every cycle for the administration list, latest first. */
	List<AdminCycle> adminAll() {
		return this.jdbc.sql(ADMIN_SELECT + "order by period_start desc, id desc").query(CycleQueries::adminCycle).list();
	}

	Optional<AdminCycle> adminById(long id) {
		return this.jdbc.sql(ADMIN_SELECT + "where id = ?").param(id).query(CycleQueries::adminCycle).optional();
	}

	private static AdminCycle adminCycle(ResultSet rs, int row) throws SQLException {
		Integer[] days = (Integer[]) rs.getArray("reminder_days").getArray();
		return new AdminCycle(rs.getLong("id"), rs.getString("code"), rs.getObject("period_start", LocalDate.class),
				rs.getObject("period_end", LocalDate.class), rs.getObject("opens_on", LocalDate.class),
				rs.getObject("deadline", LocalDate.class), CycleState.valueOf(rs.getString("state")),
				rs.getBoolean("demo"), rs.getLong("version"), ReminderDays.of(days).days());
	}

	/** Every cycle, latest first. */
	public List<CycleView> all() {
		return this.jdbc.sql(SELECT + "order by period_start desc, id desc").query(Rows.of(CycleView.class)).list();
	}

}
