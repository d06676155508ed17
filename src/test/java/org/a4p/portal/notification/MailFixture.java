package org.a4p.portal.notification;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A reporting cycle of a test's own, with applicable pairs set by hand (two commitments of Pakistan, one of the
 * Philippines, one of the Secretariat) and users with e-mail addresses under a prefix, so that a test's
 * messages can be told from those of other tests on the shared database. {@link #drop()} removes it all.
 */
final class MailFixture {

	/**
	 * The portal sends through the GreenMail server of the test class: short timeouts, the sender's own schedule
	 * far away (the test sends when it wants), links under a fixed address.
	 */
	static void sendThrough(GreenMailExtension greenMail, DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
		registry.add("spring.mail.properties.mail.smtp.timeout", () -> "2000");
		registry.add("portal.mail.send-every", () -> "1h");
		registry.add("portal.base-url", () -> "https://portal.example.org/");
	}


	final JdbcClient jdbc;

	final String cycle;

	final String prefix;

	final long cycleId;

	final String secretariatCommitment;

	/** The reminder days of the other open cycles, given back by {@link #drop()}. */
	private final List<Map.Entry<Long, String>> otherReminderDays;

	MailFixture(JdbcClient jdbc, String name, LocalDate deadline) {
		this.jdbc = jdbc;
		String unique = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
		this.cycle = ("M" + name + unique).substring(0, Math.min(20, 1 + name.length() + unique.length()));
		this.prefix = "mt" + unique.toLowerCase(Locale.ROOT) + ".";
		// a period far in the past: no other test takes it for "the current cycle", no endorsement makes it apply
		this.cycleId = jdbc.sql("""
				insert into reporting_cycle (code, period_start, period_end, opens_on, deadline, state)
				values (?, date '1990-01-01', date '1990-12-31', date '1990-01-01', ?, 'OPEN') returning id
				""").params(this.cycle, deadline).query(Long.class).single();
		this.secretariatCommitment = jdbc.sql("select code from commitment where owner = 'SECRETARIAT' order by id limit 1")
			.query(String.class)
			.single();
		// the other open cycles send no reminders while the test runs: the current cycle's default days (30, 7, 1)
		// would otherwise queue its own reminders to the test's delegates in the last month before its deadline
		this.otherReminderDays = jdbc.sql("""
				update reporting_cycle rc set reminder_days = '{}' from reporting_cycle was
				where was.id = rc.id and rc.state = 'OPEN' and rc.id <> ? and cardinality(rc.reminder_days) > 0
				returning rc.id, was.reminder_days::text
				""").param(this.cycleId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
		// exactly these pairs apply (the rule makes the Secretariat's own apply to every cycle)
		jdbc.sql("delete from applicable_pair where cycle_id = ?").param(this.cycleId).update();
		pair("PAK", "POL-1");
		pair("PAK", "POL-2");
		pair("PHL", "POL-1");
		pair("SECRETARIAT", this.secretariatCommitment);
	}

	static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	void reminderDays(int... days) {
		Integer[] boxed = java.util.Arrays.stream(days).boxed().toArray(Integer[]::new);
		this.jdbc.sql("update reporting_cycle set reminder_days = ? where id = ?").params(boxed, this.cycleId).update();
	}

	private void pair(String stakeholder, String commitment) {
		this.jdbc.sql("""
				insert into applicable_pair (cycle_id, commitment_id, stakeholder_id)
				select ?, c.id, s.id from commitment c, stakeholder s
				where c.code = ? and (s.code = ? or (? = 'SECRETARIAT' and s.kind = 'SECRETARIAT'))
				""").params(this.cycleId, commitment, stakeholder, stakeholder).update();
	}

	String stakeholderCode(String codeOrSecretariat) {
		return this.jdbc.sql("select code from stakeholder where code = ? or (? = 'SECRETARIAT' and kind = 'SECRETARIAT')")
			.params(codeOrSecretariat, codeOrSecretariat)
			.query(String.class)
			.single();
	}

	/** An entry in a workflow state, written (created and submitted) by {@code writer}. @return its id */
	long entry(String stakeholder, String commitment, String workflowState, String writer) {
		long id = this.jdbc.sql("""
				insert into progress_entry (cycle_id, stakeholder_id, commitment_id, status, workflow_state, narrative,
				                            created_by, updated_by, submitted_at)
				select ?, s.id, c.id, 'LIMITED', ?, 'Written by ' || ?, ?, ?, case when ? = 'SUBMITTED' then now() end
				from stakeholder s, commitment c where s.code = ? and c.code = ?
				returning id
				""").params(this.cycleId, workflowState, writer, writer, writer, workflowState, stakeholderCode(stakeholder),
					commitment).query(Long.class).single();
		int revision = 1;
		for (String action : List.of("CREATED", "SUBMITTED")) {
			this.jdbc.sql("""
					insert into progress_entry_revision (entry_id, revision, action, actor, entry_version, status,
					                                     workflow_state, narrative, entered_by_secretariat)
					values (?, ?, ?, ?, 0, 'LIMITED', ?, 'Written', false)
					""").params(id, revision++, action, writer, action.equals("CREATED") ? "DRAFT" : "SUBMITTED").update();
		}
		return id;
	}

	/**
	 * A user with an e-mail address {@code <name>@example.org} under the fixture's prefix.
	 * @param language their chosen language of messages, or {@code null} for none
	 * @return the user name
	 */
	String user(String name, String role, @Nullable String state, @Nullable String language) {
		String username = this.prefix + name;
		long id = this.jdbc.sql("""
				insert into app_user (username, display_name, email, password_hash, role, stakeholder_id)
				values (?, ?, ?, '{noop}x', ?, (select id from stakeholder where code = ?)) returning id
				""").params(username, "User " + name, email(name), role, state).query(Long.class).single();
		if (language != null) {
			this.jdbc.sql("insert into notification_setting (user_id, language) values (?, ?)").params(id, language).update();
		}
		return username;
	}

	String email(String name) {
		return this.prefix + name + "@example.org";
	}

	long userId(String name) {
		return this.jdbc.sql("select id from app_user where username = ?").param(this.prefix + name).query(Long.class).single();
	}

	/** Messages of this fixture's cycle and users: kind, recipient's user name, state. */
	List<String> outbox() {
		return this.jdbc.sql("""
				select m.kind || ' ' || u.username || ' ' || m.state from outbox_message m
				join app_user u on u.id = m.recipient_id
				where u.username like ? order by u.username, m.kind, m.id
				""").param(this.prefix + "%").query(String.class).list();
	}

	void drop() {
		this.jdbc.sql("delete from outbox_message where recipient_id in (select id from app_user where username like ?)")
			.param(this.prefix + "%")
			.update();
		this.jdbc.sql("delete from progress_entry where cycle_id = ?").param(this.cycleId).update();
		this.jdbc.sql("delete from reporting_cycle where id = ?").param(this.cycleId).update();
		this.jdbc.sql("delete from app_user where username like ?").param(this.prefix + "%").update();
		for (Map.Entry<Long, String> other : this.otherReminderDays) {
			this.jdbc.sql("update reporting_cycle set reminder_days = ?::integer[] where id = ?")
				.params(other.getValue(), other.getKey())
				.update();
		}
	}

}
