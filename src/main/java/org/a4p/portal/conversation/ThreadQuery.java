package org.a4p.portal.conversation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.a4p.portal.reporting.EntrySubject;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An entry's thread, oldest first, in one query: the comments posted on it and the return comments of its
 * history (each a Secretariat comment of kind "returned").
 */
@Service
@Transactional(readOnly = true)
class ThreadQuery {

	enum Kind {

		COMMENT, RETURNED

	}

	/**
	 * One message of the thread.
	 * @param id the comment's id, or the revision number of a return
	 * @param authorName the author's display name (the user name when no such user exists, as for demonstration data)
	 * @param at when, in UTC
	 */
	record Item(Kind kind, long id, String authorName, Side side, OffsetDateTime at, String text) {

		/** The id of the item on the page, for links to it. */
		public String anchor() {
			return ((this.kind == Kind.RETURNED) ? "returned-" : "comment-") + this.id;
		}

		public boolean returned() {
			return this.kind == Kind.RETURNED;
		}

	}

	private final JdbcClient jdbc;

	ThreadQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Item> thread(EntrySubject entry) {
		return this.jdbc.sql("""
				select 'COMMENT' as kind, c.id, c.author_name, c.author_side as side, c.posted_at as at, c.body as text
				from entry_comment c
				where c.cycle_id = :cycle and c.stakeholder_id = :stakeholder and c.commitment_id = :commitment
				union all
				select 'RETURNED', r.revision, coalesce(u.display_name, r.actor), 'SECRETARIAT', r.occurred_at,
				       r.review_comment
				from progress_entry pe
				join progress_entry_revision r on r.entry_id = pe.id and r.action = 'RETURNED'
				left join app_user u on u.username = r.actor
				where pe.cycle_id = :cycle and pe.stakeholder_id = :stakeholder and pe.commitment_id = :commitment
				  and r.review_comment is not null
				order by at, kind, id
				""")
			.param("cycle", entry.cycleId())
			.param("stakeholder", entry.stakeholderId())
			.param("commitment", entry.commitmentId())
			.query((rs, n) -> new Item(Kind.valueOf(rs.getString("kind")), rs.getLong("id"), rs.getString("author_name"),
					Side.valueOf(rs.getString("side")),
					rs.getObject("at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC), rs.getString("text")))
			.list();
	}

}
