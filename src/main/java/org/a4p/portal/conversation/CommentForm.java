package org.a4p.portal.conversation;

import org.a4p.portal.reporting.EntryRef;
import org.a4p.portal.shared.PlainText;
import org.jspecify.annotations.Nullable;

/** The comment form on an entry's page. Public with setters for data binding only. */
public class CommentForm {

	private String text = "";

	public String getText() {
		return this.text;
	}

	/** CR LF from the browser made LF, so the length counts what the writer sees. */
	public void setText(@Nullable String text) {
		this.text = (text != null) ? PlainText.normaliseLineBreaks(text) : "";
	}

	PostComment.Command toCommand(EntryRef entry) {
		return new PostComment.Command(entry, this.text);
	}

}
