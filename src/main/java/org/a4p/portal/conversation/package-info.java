/**
 * The conversation on each progress entry: a thread of comments between the state's delegates and the
 * Secretariat, never public. Posting a comment publishes {@link CommentPosted} in the posting transaction
 * (for notifications). The entry page shows the thread through the reporting module's
 * {@code EntryPageSection} extension point; the return comments of the entry's history are part of the thread.
 */
@NullMarked
package org.a4p.portal.conversation;

import org.jspecify.annotations.NullMarked;
