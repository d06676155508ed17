package org.a4p.portal.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.a4p.portal.conversation.CommentPosted;
import org.a4p.portal.conversation.Side;
import org.a4p.portal.reporting.EntryRef;
import org.a4p.portal.reporting.EntryReturned;
import org.a4p.portal.reporting.EntryValidated;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages about one entry, queued in the transaction that returns, validates or comments on it
 * ({@code @EventListener}, not after commit): the message exists exactly when the step commits, and a step
 * rolled back leaves none. Returns and validations go to the entry's writers (the users who created, edited or
 * submitted it, from its history); a comment goes to the other side: from a delegate, to the Secretariat staff
 * who reviewed or wrote the entry (all Secretariat staff if none has yet); from the Secretariat, to the
 * entry's writers who are not Secretariat staff, else the state's delegates. The author of a step never hears
 * of it, and disabled accounts hear of nothing.
 */
@Component
class EntryNotices {

	private final JdbcClient jdbc;

	private final Recipients recipients;

	private final Notifier notifier;

	EntryNotices(JdbcClient jdbc, Recipients recipients, Notifier notifier) {
		this.jdbc = jdbc;
		this.recipients = recipients;
		this.notifier = notifier;
	}

	@EventListener
	void on(EntryReturned event) {
		for (Recipient to : writers(event.entryId(), event.by())) {
			this.notifier.send(MailKind.RETURNED, to, event.entry().path(), event.at().toString(), event.entry().path(),
					subject(event.entry()), variables(event.entry(), to.language(), Map.of("comment", event.comment())));
		}
	}

	@EventListener
	void on(EntryValidated event) {
		for (Recipient to : writers(event.entryId(), event.by())) {
			this.notifier.send(MailKind.VALIDATED, to, event.entry().path(), event.at().toString(),
					event.entry().path(), subject(event.entry()), variables(event.entry(), to.language(), Map.of()));
		}
	}

	@EventListener
	void on(CommentPosted event) {
		List<Recipient> to = (event.side().other() == Side.SECRETARIAT) ? secretariatOf(event.entry())
				: stateSideOf(event.entry(), event.stakeholderId());
		for (Recipient recipient : to) {
			if (recipient.username().equals(event.author())) {
				continue;
			}
			this.notifier.send(MailKind.COMMENT, recipient, event.entry().path(), "comment-" + event.commentId(),
					event.entry().path(), subject(event.entry()), variables(event.entry(), recipient.language(),
							Map.of("author", event.authorName(), "comment", event.text())));
		}
	}

	private static Object[] subject(EntryRef entry) {
		return new Object[] { entry.commitmentCode(), entry.stakeholderCode(), entry.cycleCode() };
	}

	private Map<String, Object> variables(EntryRef entry, Locale language, Map<String, Object> more) {
		Map<String, Object> variables = new java.util.HashMap<>(more);
		variables.put("commitment", entry.commitmentCode());
		variables.put("stakeholder", entry.stakeholderCode());
		variables.put("cycle", entry.cycleCode());
		variables.put("title", title(entry.commitmentCode(), language));
		return variables;
	}

	/** The commitment's title in the current catalogue, in that language if there, else in English. */
	private String title(String commitmentCode, Locale language) {
		return this.jdbc.sql("""
				select coalesce(t.title, en.title) from commitment c
				join catalogue_version v on v.is_current
				join commitment_text en on en.commitment_id = c.id and en.catalogue_version_id = v.id and en.lang = 'en'
				left join commitment_text t on t.commitment_id = c.id and t.catalogue_version_id = v.id and t.lang = ?
				where c.code = ?
				""").params(language.getLanguage(), commitmentCode).query(String.class).optional().orElse(commitmentCode);
	}

	/** The users who created, edited or submitted the entry, but not {@code except}. */
	private List<Recipient> writers(long entryId, String except) {
		Set<String> names = new LinkedHashSet<>(this.jdbc.sql("""
				select distinct actor from progress_entry_revision
				where entry_id = ? and action in ('CREATED', 'EDITED', 'SUBMITTED') and actor <> ?
				""").params(entryId, except).query(String.class).list());
		return this.recipients.byUsernames(names);
	}

	private List<Recipient> secretariatOf(EntryRef entry) {
		List<String> names = this.jdbc.sql("""
				select distinct r.actor from progress_entry_revision r
				join progress_entry pe on pe.id = r.entry_id
				join reporting_cycle c on c.id = pe.cycle_id and c.code = ?
				join stakeholder s on s.id = pe.stakeholder_id and s.code = ?
				join commitment m on m.id = pe.commitment_id and m.code = ?
				join app_user u on u.username = r.actor and u.role = 'SECRETARIAT'
				""").params(entry.cycleCode(), entry.stakeholderCode(), entry.commitmentCode()).query(String.class).list();
		return names.isEmpty() ? this.recipients.secretariat() : this.recipients.byUsernames(names);
	}

	private List<Recipient> stateSideOf(EntryRef entry, long stakeholderId) {
		List<String> names = this.jdbc.sql("""
				select distinct r.actor from progress_entry_revision r
				join progress_entry pe on pe.id = r.entry_id
				join reporting_cycle c on c.id = pe.cycle_id and c.code = ?
				join commitment m on m.id = pe.commitment_id and m.code = ?
				join app_user u on u.username = r.actor and u.role = 'DELEGATE' and u.stakeholder_id = pe.stakeholder_id
				where pe.stakeholder_id = ? and r.action in ('CREATED', 'EDITED', 'SUBMITTED')
				""").params(entry.cycleCode(), entry.commitmentCode(), stakeholderId).query(String.class).list();
		return new ArrayList<>(names.isEmpty() ? this.recipients.delegatesOf(stakeholderId)
				: this.recipients.byUsernames(names));
	}

}
