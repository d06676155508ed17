package org.a4p.portal.catalogue;

/** Who makes a commitment, as the A4P overview page classifies them. */
public enum Owner {

	/** The Secretary-General, on behalf of the missions and the Secretariat. */
	SECRETARIAT,

	/** Member States, in a {@link Capacity}. */
	MEMBER_STATES,

	/** All endorsers together: Member States, the Secretariat and partner organizations. */
	COLLECTIVE

}
