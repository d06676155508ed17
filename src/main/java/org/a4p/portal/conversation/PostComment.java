package org.a4p.portal.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.reporting.EntryAccess;
import org.a4p.portal.reporting.EntryRef;
import org.a4p.portal.reporting.EntrySubject;
import org.a4p.portal.shared.PlainText;
import org.a4p.portal.shared.Refusal.Problem;
import org.a4p.portal.shared.Refusal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A delegate of the entry's state, or Secretariat staff, posts a comment on the entry's thread: plain text, at
 * most {@link #MAX_LENGTH} characters, no control characters. The comment, its audit row and the
 * {@link CommentPosted} event are written in one transaction. Administrators read threads but do not post (403);
 * another state's delegate gets 403 as for the entry; in a closed cycle the thread is read-only.
 */
@Service
class PostComment {

	static final int MAX_LENGTH = 5000;

	/** @param text as typed (line breaks made LF by the form) */
	record Command(EntryRef entry, String text) {
	}

	private final EntryAccess access;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PostComment(EntryAccess access, JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.access = access;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What is wrong with the text (nothing: it can be posted). */
	static List<Problem> problems(Command command) {
		List<Problem> problems = new ArrayList<>();
		String text = command.text();
		if (text.isBlank()) {
			problems.add(new Problem("text", "thread.text.required"));
		}
		else if (PlainText.length(text) > MAX_LENGTH) {
			problems.add(new Problem("text", "thread.text.too-long", MAX_LENGTH, PlainText.length(text)));
		}
		else if (PlainText.hasForbiddenCharacter(text, true)) {
			problems.add(new Problem("text", "thread.text.control"));
		}
		return problems;
	}

	/** @return the new comment's id */
	@Transactional
	long post(PortalUser author, Command command) {
		EntrySubject entry = this.access.readable(author, command.entry(), Locale.ENGLISH);
		Side side = Threads.sideOf(author, entry)
			.orElseThrow(() -> new AccessDeniedException("Only the state's delegates and the Secretariat post comments"));
		if (!entry.cycleOpen()) {
			throw Refusal.because("thread.refused.cycle-closed", entry.ref().cycleCode());
		}
		Refusal.throwIfAny(problems(command));
		Instant now = this.clock.instant();
		long id = this.jdbc.sql("""
				insert into entry_comment (cycle_id, stakeholder_id, commitment_id, author_username, author_name,
				    author_side, body, posted_at)
				values (:cycle, :stakeholder, :commitment, :username, :name, :side, :body, :at)
				returning id
				""")
			.param("cycle", entry.cycleId())
			.param("stakeholder", entry.stakeholderId())
			.param("commitment", entry.commitmentId())
			.param("username", author.getUsername())
			.param("name", author.displayName())
			.param("side", side.name())
			.param("body", command.text())
			.param("at", now.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		EntryRef ref = entry.ref();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("entry", ref.commitmentCode() + " / " + ref.stakeholderCode() + " / " + ref.cycleCode());
		after.put("side", side.name());
		after.put("text", command.text());
		this.audit.record("COMMENT_POSTED", "entry_comment", id, "Comment on " + ref.commitmentCode() + " / "
				+ ref.stakeholderCode() + " / " + ref.cycleCode(), null, after);
		this.events.publishEvent(new CommentPosted(id, ref, entry.stakeholderId(), author.getUsername(),
				author.displayName(), side, command.text(), now));
		return id;
	}

}
