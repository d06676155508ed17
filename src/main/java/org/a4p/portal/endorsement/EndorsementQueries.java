package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
