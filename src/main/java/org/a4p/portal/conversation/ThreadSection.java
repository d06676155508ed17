package org.a4p.portal.conversation;

import java.util.Locale;
import java.util.Optional;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.reporting.EntryPageSection;
import org.a4p.portal.reporting.EntrySubject;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Shows an entry's thread on its page (the reporting module asks, for a reader who may see the entry), with the
 * comment form for those who take part while the cycle is open.
 */
@Component
class ThreadSection implements EntryPageSection {

	static final String FORM = "commentForm";

	private final ThreadQuery threads;

	ThreadSection(ThreadQuery threads) {
		this.threads = threads;
	}

	@Override
	public Optional<String> addTo(Model model, EntrySubject entry, PortalUser reader, Locale locale) {
		boolean takesPart = Threads.sideOf(reader, entry).isPresent();
		model.addAttribute("thread", this.threads.thread(entry));
		model.addAttribute("threadEntry", entry);
		model.addAttribute("threadPostHref", entry.ref().path() + "/comments");
		model.addAttribute("threadMayPost", takesPart && entry.cycleOpen());
		model.addAttribute("threadReadOnly", !takesPart ? "thread.read-only.admin"
				: (!entry.cycleOpen() ? "thread.read-only.closed" : null));
		model.addAttribute("threadMaxLength", PostComment.MAX_LENGTH);
		if (!model.containsAttribute(FORM)) {
			model.addAttribute(FORM, new CommentForm());
		}
		return Optional.of("conversation/thread :: thread");
	}

}
