package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

	/** An endorsement with the stakeholder who made it, named for the reader. */
	public record RecordedEndorsement(StakeholderRef stakeholder, Endorsement endorsement) {
	}

	private static final String ENDORSEMENT_COLUMNS = "e.endorsed_on, e.source, e.note, e.withdrawn_on, "
			+ "e.withdrawal_reason, e.demo";

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
				""").query(RecordedCounts.class).single();
	}

	/**
	 * Every endorsement recorded in the portal, withdrawn ones included: dated ones first, oldest
	 * first, then as stakeholder lists are ordered for the reader.
	 */
	public List<RecordedEndorsement> recorded(Locale locale) {
		List<RecordedEndorsement> recorded = new ArrayList<>(this.jdbc.sql("select s.code, s.kind, s.iso2, s.name_en, n.name as stored_name, " + ENDORSEMENT_COLUMNS
				+ " from endorsement e join stakeholder s on s.id = e.stakeholder_id"
				+ " left join stakeholder_name n on n.stakeholder_id = s.id and n.lang = :lang"
				+ " order by e.id")
			.param("lang", locale.getLanguage())
			.query((rs, row) -> new RecordedEndorsement(
					StakeholderRef.of(rs.getString("code"), rs.getString("kind"), rs.getString("iso2"),
							rs.getString("name_en"), rs.getString("stored_name"), locale),
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
			.query(Endorsement.class)
			.list();
	}

	/** The UN-published counts in the order they were published (the undated latest page last). */
	public List<PublishedCount> publishedCounts() {
		return this.jdbc.sql("select as_of, member_states, organizations, note from published_endorsement_count order by position")
			.query(PublishedCount.class)
			.list();
	}

	public Optional<PublishedCount> latestPublished() {
		return this.jdbc.sql("select as_of, member_states, organizations, note from published_endorsement_count "
				+ "order by position desc limit 1").query(PublishedCount.class).optional();
	}

}
