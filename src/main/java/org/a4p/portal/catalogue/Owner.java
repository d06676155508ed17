package org.a4p.portal.catalogue;

import org.jspecify.annotations.Nullable;

/** Who makes a commitment, as the A4P overview page classifies them. */
public enum Owner {

	/** The Secretary-General, on behalf of the missions and the Secretariat. */
	SECRETARIAT,

	/** Member States, in a {@link Capacity}. */
	MEMBER_STATES,

	/** All endorsers together: Member States, the Secretariat and partner organizations. */
	COLLECTIVE;

	/**
	 * The suffix of the message keys naming who makes a commitment: {@code SECRETARIAT},
	 * {@code COLLECTIVE}, or {@code MEMBER_STATES.<capacity>}.
	 */
	public static String key(Owner owner, @Nullable Capacity capacity) {
		return (owner == MEMBER_STATES && capacity != null) ? owner.name() + "." + capacity.name() : owner.name();
	}

}
