package org.a4p.portal.conversation;

import java.time.Instant;

import org.a4p.portal.reporting.EntryRef;

/**
 * A comment was posted on an entry's thread. Published in the posting transaction (listen with
 * {@code @TransactionalEventListener} to act once it commits, or with {@code @EventListener} to write in the same
 * transaction): notify the other side ({@link Side#other()}) with a link to {@link EntryRef#path()}.
 *
 * @param commentId the comment's id ({@code entry_comment.id})
 * @param entry the entry the thread belongs to (cycle, stakeholder and commitment codes)
 * @param stakeholderId the stakeholder whose entry it is (its delegates are the {@link Side#STATE} side)
 * @param author the author's user name
 * @param authorName the author's display name
 * @param side the author's side
 * @param text the comment as posted (plain text, line breaks as LF)
 * @param postedAt when it was posted
 */
public record CommentPosted(long commentId, EntryRef entry, long stakeholderId, String author, String authorName,
		Side side, String text, Instant postedAt) {
}
