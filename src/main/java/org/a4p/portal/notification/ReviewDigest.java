package org.a4p.portal.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The weekly digest for reviewers: Secretariat staff (who validate and return submissions) get one message a
 * week saying what waits for review in the open cycles (submitted entries; a closed cycle's cannot be reviewed):
 * how many per cycle and area, each with a link to the review queue so filtered, and the longest-waiting
 * {@value #OLDEST} with links to their pages. Nothing is sent in a week when nothing waits. The week is the ISO
 * week of the clock's day in UTC: each (recipient, week) is queued once, however often and on however many
 * instances the job runs; the job also runs under a ShedLock lock. Disabled accounts and those who turned the
 * digest off get nothing.
 */
@Component
class ReviewDigest {

	private static final Logger log = LoggerFactory.getLogger(ReviewDigest.class);

	/** Submissions listed one by one, longest-waiting first. */
	static final int OLDEST = 10;

	/** What one message is about, for the once-only key (the occasion is the week). */
	static final String ABOUT = "review-queue";

	/** Submissions waiting in one area of one cycle. */
	record Waiting(String cycle, String area, String areaName, long count, String link) {
	}

	/** A submission waiting. */
	record Submission(String cycle, String stakeholder, String commitment, String title,
			@Nullable OffsetDateTime submittedAt, String link) {
	}

	private final JdbcClient jdbc;

	private final Recipients recipients;

	private final Notifier notifier;

	private final PortalAddress address;

	private final Clock clock;

	ReviewDigest(JdbcClient jdbc, Recipients recipients, Notifier notifier, PortalAddress address, Clock clock) {
		this.jdbc = jdbc;
		this.recipients = recipients;
		this.notifier = notifier;
		this.address = address;
		this.clock = clock;
	}

	@Scheduled(cron = "${portal.mail.digest-cron:0 0 6 * * MON}", zone = "UTC")
	@SchedulerLock(name = "review-digest", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
	public void run() {
		int queued = queueDue();
		log.info("Review digest: {} queued", queued);
	}

	/** The ISO week of a day, such as {@code 2026-W49}: the occasion of that week's digest. */
	static String week(LocalDate day) {
		return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
				day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/**
	 * Queues this week's digest for each reviewer who has not had it, each message in a transaction of its own.
	 * @return how many messages were queued now
	 */
	int queueDue() {
		String week = week(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC));
		long total = total();
		if (total == 0) {
			return 0;
		}
		Map<String, List<Waiting>> byArea = new HashMap<>();
		Map<String, List<Submission>> oldest = new HashMap<>();
		int queued = 0;
		for (Recipient recipient : this.recipients.secretariat()) {
			if (!recipient.receives(MailKind.DIGEST)) {
				continue;
			}
			String lang = recipient.language().getLanguage();
			Map<String, Object> vars = Map.of("total", total,
					"byArea", byArea.computeIfAbsent(lang, this::byArea),
					"oldest", oldest.computeIfAbsent(lang, this::oldest),
					"more", Math.max(0, total - OLDEST));
			if (this.notifier.send(MailKind.DIGEST, recipient, ABOUT, week, "/review", new Object[] { total },
					vars)) {
				queued++;
			}
		}
		return queued;
	}

	private long total() {
		return this.jdbc.sql("""
				select count(*) from progress_entry pe
				join reporting_cycle rc on rc.id = pe.cycle_id and rc.state = 'OPEN'
				where pe.workflow_state = 'SUBMITTED'
				""").query(Long.class).single();
	}

	private List<Waiting> byArea(String lang) {
		return this.jdbc.sql("""
				select rc.code as cycle, a.code as area, coalesce(t.short_name, en.short_name) as area_name,
				       count(*) as waiting
				from progress_entry pe
				join reporting_cycle rc on rc.id = pe.cycle_id and rc.state = 'OPEN'
				join commitment c on c.id = pe.commitment_id
				join area a on a.id = c.area_id
				join catalogue_version v on v.is_current
				join area_text en on en.area_id = a.id and en.catalogue_version_id = v.id and en.lang = 'en'
				left join area_text t on t.area_id = a.id and t.catalogue_version_id = v.id and t.lang = :lang
				where pe.workflow_state = 'SUBMITTED'
				group by rc.code, rc.period_start, a.code, a.position, t.short_name, en.short_name
				order by rc.period_start desc, rc.code, a.position
				""")
			.param("lang", lang)
			.query((rs, n) -> new Waiting(rs.getString("cycle"), rs.getString("area"), rs.getString("area_name"),
					rs.getLong("waiting"),
					this.address.url("/review?cycle=" + rs.getString("cycle") + "&area=" + rs.getString("area"))))
			.list();
	}

	private List<Submission> oldest(String lang) {
		return this.jdbc.sql("""
				select rc.code as cycle, s.code as stakeholder, c.code as commitment,
				       coalesce(t.title, en.title) as title, pe.submitted_at
				from progress_entry pe
				join reporting_cycle rc on rc.id = pe.cycle_id and rc.state = 'OPEN'
				join stakeholder s on s.id = pe.stakeholder_id
				join commitment c on c.id = pe.commitment_id
				join catalogue_version v on v.is_current
				join commitment_text en on en.commitment_id = c.id and en.catalogue_version_id = v.id and en.lang = 'en'
				left join commitment_text t on t.commitment_id = c.id and t.catalogue_version_id = v.id and t.lang = :lang
				where pe.workflow_state = 'SUBMITTED'
				order by pe.submitted_at nulls first, pe.id
				limit :limit
				""")
			.param("lang", lang)
			.param("limit", OLDEST)
			.query((rs, n) -> {
				OffsetDateTime at = rs.getObject("submitted_at", OffsetDateTime.class);
				return new Submission(rs.getString("cycle"), rs.getString("stakeholder"), rs.getString("commitment"),
						rs.getString("title"), (at != null) ? at.withOffsetSameInstant(ZoneOffset.UTC) : null,
						this.address.url("/entries/" + rs.getString("cycle") + "/" + rs.getString("stakeholder") + "/"
								+ rs.getString("commitment")));
			})
			.list();
	}

}
