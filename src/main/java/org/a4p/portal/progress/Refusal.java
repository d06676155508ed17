package org.a4p.portal.progress;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * The page for a write the entry's state does not allow: a closed cycle, a workflow step not allowed
 * in the entry's state, an entry changed since the form was loaded, or nothing saved yet. Answered
 * with 409 and a message saying what happened and what to do; nothing was written.
 */
final class Refusal {

	static final String VIEW = "progress/refused";

	private Refusal() {
	}

	static String render(RuntimeException ex, EntryRef ref, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		String key;
		Object argument = null;
		if (ex instanceof CycleClosedException closed) {
			key = "refused.cycle-closed";
			argument = closed.cycleCode();
		}
		else if (ex instanceof TransitionRefusedException refused) {
			key = "refused.transition";
			argument = refused.current().messageKey();
		}
		else if (ex instanceof EntryConflictException || ex instanceof OptimisticLockingFailureException) {
			key = "refused.changed";
		}
		else if (ex instanceof NothingToSubmitException) {
			key = "refused.nothing-saved";
		}
		else {
			throw ex;
		}
		model.addAttribute("refusalKey", key);
		model.addAttribute("refusalArgument", argument);
		model.addAttribute("entryPath", ref.path());
		return VIEW;
	}

}
