package org.a4p.portal.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminders before a cycle's deadline. Each open cycle names the days before its deadline on which to remind
 * ({@code reporting_cycle.reminder_days}, default 30, 7 and 1). On a run, the occasion due for a cycle is the
 * nearest of those days not yet passed: with 5 days left and days 30, 7, 1 it is the 7-day reminder (so a run
 * missed by a stopped portal is made up the next day, and a cycle created late gets its nearest reminder, not
 * three at once). Every delegate of a Member State with applicable commitments not yet submitted (no entry, a
 * draft or a returned entry) gets one message listing them; Secretariat staff get one for the Secretariat's own
 * entries. Each (recipient, cycle and stakeholder, occasion) is queued once: running again, on another
 * instance or after a restart, queues nothing new; the job also runs under a ShedLock lock.
 */
@Component
class DeadlineReminders {

	private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

	/** A commitment still to submit. */
	record Missing(String code, String title, String link) {
	}

	/** A cycle with a reminder due today. */
	record DueCycle(long id, String code, LocalDate deadline, int occasion, long daysLeft) {
	}

	private final JdbcClient jdbc;

	private final Recipients recipients;

	private final Notifier notifier;

	private final PortalAddress address;

	private final Clock clock;

	DeadlineReminders(JdbcClient jdbc, Recipients recipients, Notifier notifier, PortalAddress address, Clock clock) {
		this.jdbc = jdbc;
		this.recipients = recipients;
		this.notifier = notifier;
		this.address = address;
		this.clock = clock;
	}

	@Scheduled(cron = "${portal.mail.reminders-cron:0 0 6 * * *}", zone = "UTC")
	@SchedulerLock(name = "deadline-reminders", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
	public void run() {
		int queued = queueDue();
		log.info("Deadline reminders: {} queued", queued);
	}

	/**
	 * Queues today's reminders, each message in a transaction of its own (another instance's run waits at most for
	 * one insert). @return how many messages were queued now
	 */
	int queueDue() {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		int queued = 0;
		for (DueCycle cycle : dueCycles(today)) {
			queued += queueFor(cycle);
		}
		return queued;
	}

	List<DueCycle> dueCycles(LocalDate today) {
		List<DueCycle> due = new ArrayList<>();
		this.jdbc.sql("""
				select id, code, deadline, reminder_days from reporting_cycle
				where state = 'OPEN' and deadline >= ? and opens_on <= ? and cardinality(reminder_days) > 0
				order by deadline, id
				""").params(today, today).query((rs) -> {
			LocalDate deadline = rs.getObject("deadline", LocalDate.class);
			long left = ChronoUnit.DAYS.between(today, deadline);
			Integer[] days = (Integer[]) rs.getArray("reminder_days").getArray();
			long id = rs.getLong("id");
			String code = rs.getString("code");
			Arrays.stream(days)
				.filter((d) -> d >= left)
				.min(Integer::compare)
				.ifPresent((d) -> due.add(new DueCycle(id, code, deadline, d, left)));
		});
		return due;
	}

	private int queueFor(DueCycle cycle) {
		int queued = 0;
		List<long[]> stakeholders = this.jdbc.sql("""
				select distinct s.id, case s.kind when 'SECRETARIAT' then 1 else 0 end as secretariat
				from applicable_pair ap
				join stakeholder s on s.id = ap.stakeholder_id and s.kind in ('MEMBER_STATE', 'SECRETARIAT')
				left join progress_entry pe on pe.cycle_id = ap.cycle_id and pe.commitment_id = ap.commitment_id
				     and pe.stakeholder_id = ap.stakeholder_id
				where ap.cycle_id = ? and (pe.id is null or pe.workflow_state in ('DRAFT', 'RETURNED'))
				order by s.id
				""").param(cycle.id()).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		for (long[] stakeholder : stakeholders) {
			boolean secretariat = stakeholder[1] == 1;
			List<Recipient> to = secretariat ? this.recipients.secretariat()
					: this.recipients.delegatesOf(stakeholder[0]);
			Map<String, List<Missing>> byLanguage = new HashMap<>();
			for (Recipient recipient : to) {
				if (!recipient.receives(MailKind.REMINDER)) {
					continue;
				}
				List<Missing> missing = byLanguage.computeIfAbsent(recipient.language().getLanguage(),
						(lang) -> missing(cycle, stakeholder[0], lang));
				if (missing.isEmpty()) {
					continue;
				}
				String stakeholderCode = stakeholderCode(stakeholder[0]);
				Map<String, Object> vars = Map.of("cycle", cycle.code(), "deadline", cycle.deadline().toString(),
						"daysLeft", cycle.daysLeft(), "missing", missing, "secretariat", secretariat, "stakeholder",
						stakeholderCode);
				if (this.notifier.send(MailKind.REMINDER, recipient, cycle.code() + "/" + stakeholderCode,
						cycle.occasion() + "d", secretariat ? "/entries" : "/my",
						new Object[] { cycle.code(), cycle.deadline().toString() }, vars)) {
					queued++;
				}
			}
		}
		return queued;
	}

	private String stakeholderCode(long id) {
		return this.jdbc.sql("select code from stakeholder where id = ?").param(id).query(String.class).single();
	}

	private List<Missing> missing(DueCycle cycle, long stakeholderId, @Nullable String lang) {
		return this.jdbc.sql("""
				select c.code, coalesce(t.title, en.title) as title, s.code as stakeholder
				from applicable_pair ap
				join stakeholder s on s.id = ap.stakeholder_id
				join commitment c on c.id = ap.commitment_id
				join area a on a.id = c.area_id
				join catalogue_version v on v.is_current
				join commitment_text en on en.commitment_id = c.id and en.catalogue_version_id = v.id and en.lang = 'en'
				left join commitment_text t on t.commitment_id = c.id and t.catalogue_version_id = v.id and t.lang = :lang
				left join progress_entry pe on pe.cycle_id = ap.cycle_id and pe.commitment_id = ap.commitment_id
				     and pe.stakeholder_id = ap.stakeholder_id
				where ap.cycle_id = :cycle and ap.stakeholder_id = :stakeholder
				  and (pe.id is null or pe.workflow_state in ('DRAFT', 'RETURNED'))
				order by a.position, c.position
				""")
			.param("lang", lang)
			.param("cycle", cycle.id())
			.param("stakeholder", stakeholderId)
			.query((rs, n) -> new Missing(rs.getString("code"), rs.getString("title"),
					this.address.url("/entries/" + cycle.code() + "/" + rs.getString("stakeholder") + "/"
							+ rs.getString("code"))))
			.list();
	}

}
