package org.a4p.portal.conversation;

import java.util.Locale;
import java.util.Optional;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.reporting.EntryPage;
import org.a4p.portal.reporting.EntryRef;
import org.a4p.portal.web.Flash;
import org.a4p.portal.web.Forms;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Posting a comment on an entry's thread: back to the entry's page at the new comment, or the page again with
 * the form as typed and its problems (422; 409 when the cycle is closed: see {@link Forms}).
 */
@Controller
class CommentController {

	private final PostComment postComment;

	private final EntryPage entryPage;

	CommentController(PostComment postComment, EntryPage entryPage) {
		this.postComment = postComment;
		this.entryPage = entryPage;
	}

	@PostMapping("/entries/{cycle}/{stakeholder}/{commitment}/comments")
	String post(@PathVariable String cycle, @PathVariable String stakeholder, @PathVariable String commitment,
			@AuthenticationPrincipal @Nullable PortalUser principal, Locale locale,
			@ModelAttribute(ThreadSection.FORM) CommentForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		PortalUser user = PortalUser.signedIn(principal);
		EntryRef ref = new EntryRef(cycle, stakeholder, commitment);
		Optional<Long> posted = Forms.attempt(errors, () -> this.postComment.post(user, form.toCommand(ref)));
		if (posted.isPresent()) {
			return Flash.redirect(redirect, ref.path() + "#comment-" + posted.get(), "thread.flash.posted");
		}
		return this.entryPage.withForm(model, user, ref, locale, ThreadSection.FORM);
	}

}
