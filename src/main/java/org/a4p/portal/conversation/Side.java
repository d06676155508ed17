package org.a4p.portal.conversation;

/** Which side of the conversation a comment comes from: the stakeholder's own people, or the Secretariat. */
public enum Side {

	/** A delegate of the Member State the entry belongs to. */
	STATE,

	/** Secretariat staff (reviewers, and writers of the Secretariat's own entries or on behalf of a stakeholder). */
	SECRETARIAT;

	/** The other side: who is to hear of a comment from this one. */
	public Side other() {
		return (this == STATE) ? SECRETARIAT : STATE;
	}

}
