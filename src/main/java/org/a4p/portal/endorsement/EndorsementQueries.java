package org.a4p.portal.endorsement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.a4p.portal.shared.Page;
import org.a4p.portal.shared.Rows;
import org.a4p.portal.stakeholder.StakeholderNames;
import org.a4p.portal.stakeholder.StakeholderRef;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads endorsements recorded in the portal, and the counts the UN has published, kept apart. */
@Service
@Transactional(readOnly = true)
public class EndorsementQueries {

	/** Endorsements in force recorded in the portal. */
	public record RecordedCounts(long memberStates, long organizations) {
	}

	/** A count the UN published; {@code asOf} is null where the UN page is undated. */
	public record PublishedCount(@Nullable LocalDate asOf, int memberStates, @Nullable Integer organizations,
			@Nullable String note) {
	}

	/**
	 * An endorsement recorded in the portal: {@code endorsedOn} is null where the date is not
	 * recorded; withdrawn when {@code withdrawnOn} is set (never deleted).
	 */
	public record Endorsement(@Nullable LocalDate endorsedOn, @Nullable String source, @Nullable String note,
			@Nullable LocalDate withdrawnOn, @Nullable String withdrawalReason, boolean demo) {

		public boolean withdrawn() {
			return this.withdrawnOn != null;
		}

	}

	/** Which endorsements the administration list shows; {@code null} does not filter. */
	public record AdminFilter(@Nullable String kind, @Nullable String search, @Nullable Boolean inForce,
			@Nullable LocalDate endorsedFrom, @Nullable LocalDate endorsedTo) {
	}

	/** An endorsement as the administration pages show it, with its stakeholder named for the reader. */
	public record AdminRow(long id, long stakeholderId, String stakeholderCode, String stakeholderKind, String stakeholderName,
			@Nullable LocalDate endorsedOn, @Nullable String source, @Nullable String note, @Nullable LocalDate withdrawnOn,
			@Nullable String withdrawalReason, boolean demo, Instant recordedAt, long version) {

		public boolean inForce() {
			return this.withdrawnOn == null;
		}

		/** Whether the source is a web address that may be shown as a link. */
		public boolean sourceIsLink() {
			return this.source != null && this.source.matches("(?i)^https?://[^\\s<>\"]+$");
		}

	}

	/**
	 * Endorsements recorded in the portal in force at the end of a month (or on the day asked about, for its
	 * month): Member States and organizations, each counted once.
	 */
	public record MonthCount(LocalDate month, long memberStates, long organizations) {
	}

	/** An endorsement with the stakeholder who made it, named for the reader. */
	public record RecordedEndorsement(StakeholderRef stakeholder, Endorsement endorsement) {
	}

	private static final String ENDORSEMENT_COLUMNS = "e.endorsed_on, e.source, e.note, e.withdrawn_on, "
			+ "e.withdrawal_reason, e.demo";

	static final int ADMIN_PAGE_SIZE = 100;

	private static final String ADMIN_SELECT = "select e.id, e.stakeholder_id, " + StakeholderRef.COLUMNS + """
			     , e.endorsed_on, e.source, e.note, e.withdrawn_on, e.withdrawal_reason, e.demo, e.recorded_at, e.version
			from endorsement e
			join stakeholder s on s.id = e.stakeholder_id
			""";

	private final JdbcClient jdbc;

	EndorsementQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public RecordedCounts recordedCounts() {
		return this.jdbc.sql("""
				select count(*) filter (where s.kind = 'MEMBER_STATE') as member_states,
				       count(*) filter (where s.kind = 'ORGANIZATION') as organizations
				from endorsement e join stakeholder s on s.id = e.stakeholder_id
				where e.withdrawn_on is null
				""").query(Rows.of(RecordedCounts.class)).single();
	}

	/**
	 * Member States and organizations bound by the Declaration in a reporting cycle, as the public sees the
	 * cycle: those with applicable pairs in it ({@code public_pair}: live for an open cycle, as published for a
	 * closed one, so a later change to an endorsement does not alter a closed cycle's count).
	 */
	public RecordedCounts boundInCycle(long cycleId) {
		return this.jdbc.sql("""
				select count(distinct pp.stakeholder_id) filter (where s.kind = 'MEMBER_STATE') as member_states,
				       count(distinct pp.stakeholder_id) filter (where s.kind = 'ORGANIZATION') as organizations
				from public_pair pp join stakeholder s on s.id = pp.stakeholder_id
				where pp.cycle_id = ?
				""").param(cycleId).query(Rows.of(RecordedCounts.class)).single();
	}

	/**
	 * Every endorsement recorded in the portal, withdrawn ones included: dated ones first, oldest
	 * first, then as stakeholder lists are ordered for the reader.
	 */
	public List<RecordedEndorsement> recorded(Locale locale) {
		List<RecordedEndorsement> recorded = new ArrayList<>(this.jdbc.sql("select " + StakeholderRef.COLUMNS + ", "
				+ ENDORSEMENT_COLUMNS + " from endorsement e join stakeholder s on s.id = e.stakeholder_id order by e.id")
			.param("lang", StakeholderNames.lang(locale))
			.query((rs, row) -> new RecordedEndorsement(StakeholderRef.of(rs, locale),
					new Endorsement(rs.getObject("endorsed_on", LocalDate.class), rs.getString("source"),
							rs.getString("note"), rs.getObject("withdrawn_on", LocalDate.class),
							rs.getString("withdrawal_reason"), rs.getBoolean("demo"))))
			.list());
		recorded.sort(Comparator
			.comparing((RecordedEndorsement r) -> r.endorsement().endorsedOn(),
					Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(RecordedEndorsement::stakeholder, StakeholderNames.order(locale)));
		return recorded;
	}

	/** The endorsements of one stakeholder (by code), latest first. */
	public List<Endorsement> ofStakeholder(String code) {
		return this.jdbc.sql("select " + ENDORSEMENT_COLUMNS + " from endorsement e "
				+ "join stakeholder s on s.id = e.stakeholder_id where s.code = ? "
				+ "order by e.endorsed_on desc nulls first, e.id desc")
			.param(code)
			.query(Rows.of(Endorsement.class))
			.list();
	}

	/**
	 * Endorsements in force per month, as recorded in the portal, from the month of the earliest dated endorsement
	 * or UN-published count to the month of {@code today}, computed in SQL over the months (one query). An
	 * endorsement counts at the end of a month (or on {@code today}, for the last one) if it was made by then, or
	 * on a date not recorded, and not withdrawn before that day (on the day of its withdrawal it is still in
	 * force, as for the applicable pairs).
	 */
	public List<MonthCount> inForceByMonth(LocalDate today) {
		return this.jdbc.sql("""
				with bounds as (
				    select cast(date_trunc('month', least((select min(endorsed_on) from endorsement),
				                                          (select min(as_of) from published_endorsement_count),
				                                          cast(:today as date))) as date) as first_month,
				           cast(date_trunc('month', cast(:today as date)) as date) as last_month),
				months as (
				    select cast(m as date) as month,
				           least(cast(m + interval '1 month' - interval '1 day' as date), cast(:today as date)) as counted_on
				    from bounds, generate_series(bounds.first_month, bounds.last_month, interval '1 month') as m)
				select m.month,
				       count(distinct e.stakeholder_id) filter (where s.kind = 'MEMBER_STATE') as member_states,
				       count(distinct e.stakeholder_id) filter (where s.kind = 'ORGANIZATION') as organizations
				from months m
				left join endorsement e on (e.endorsed_on is null or e.endorsed_on <= m.counted_on)
				                       and (e.withdrawn_on is null or e.withdrawn_on >= m.counted_on)
				left join stakeholder s on s.id = e.stakeholder_id
				group by m.month
				order by m.month""")
			.param("today", today)
			.query(Rows.of(MonthCount.class))
			.list();
	}

	/** The UN-published counts in the order they were published (the undated latest page last). */
	public List<PublishedCount> publishedCounts() {
		return this.jdbc.sql("select as_of, member_states, organizations, note from published_endorsement_count order by position")
			.query(Rows.of(PublishedCount.class))
			.list();
	}

	/** A page of endorsements for the administration list: by stakeholder, latest record first. */
	Page<AdminRow> adminPage(AdminFilter filter, int page, Locale locale) {
		StringBuilder sql = new StringBuilder(ADMIN_SELECT).append("where true");
		Map<String, Object> params = new TreeMap<>();
		params.put("lang", StakeholderNames.lang(locale));
		if (filter.kind() != null) {
			sql.append(" and s.kind = :kind");
			params.put("kind", filter.kind());
		}
		if (filter.search() != null) {
			sql.append(" and ").append(StakeholderNames.MATCHES);
			params.putAll(StakeholderNames.searchParams(filter.search()));
		}
		if (filter.inForce() != null) {
			sql.append(filter.inForce() ? " and e.withdrawn_on is null" : " and e.withdrawn_on is not null");
		}
		if (filter.endorsedFrom() != null) {
			sql.append(" and e.endorsed_on >= :from");
			params.put("from", filter.endorsedFrom());
		}
		if (filter.endorsedTo() != null) {
			sql.append(" and e.endorsed_on <= :to");
			params.put("to", filter.endorsedTo());
		}
		sql.append(" order by s.kind, s.name_en, e.recorded_at desc, e.id desc").append(Page.LIMIT);
		params.putAll(Page.params(page, ADMIN_PAGE_SIZE));
		return Page.of(this.jdbc.sql(sql.toString()).params(params).query((rs, i) -> adminRow(rs, locale)).list(), page,
				ADMIN_PAGE_SIZE);
	}

	Optional<AdminRow> adminRow(long id, Locale locale) {
		return this.jdbc.sql(ADMIN_SELECT + "where e.id = :id")
			.param("id", id)
			.param("lang", StakeholderNames.lang(locale))
			.query((rs, i) -> adminRow(rs, locale))
			.optional();
	}

	private static AdminRow adminRow(java.sql.ResultSet rs, Locale locale) throws java.sql.SQLException {
		return new AdminRow(rs.getLong("id"), rs.getLong("stakeholder_id"), rs.getString("code"), rs.getString("kind"),
				StakeholderNames.name(rs, locale),
				rs.getObject("endorsed_on", LocalDate.class), rs.getString("source"), rs.getString("note"),
				rs.getObject("withdrawn_on", LocalDate.class), rs.getString("withdrawal_reason"), rs.getBoolean("demo"),
				rs.getTimestamp("recorded_at").toInstant(), rs.getLong("version"));
	}

	public Optional<PublishedCount> latestPublished() {
		return this.jdbc.sql("select as_of, member_states, organizations, note from published_endorsement_count "
				+ "order by position desc limit 1").query(Rows.of(PublishedCount.class)).optional();
	}

}
