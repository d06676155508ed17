package org.a4p.portal.shared;

import org.jspecify.annotations.Nullable;

import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Optimistic locking as use cases check it before they change a record: the editor saw the version the
 * record has now, else nothing is written and the edit is a conflict (the web layer shows both versions
 * where it can, else "it changed since you opened it").
 */
public final class Versions {

	private Versions() {
	}

	/**
	 * @param current the record's version now
	 * @param expected the version the editor saw, {@code null} when the request carried none
	 * @throws ObjectOptimisticLockingFailureException when they differ
	 */
	public static void require(Class<?> type, Object id, long current, @Nullable Long expected) {
		if (expected == null || expected != current) {
			throw new ObjectOptimisticLockingFailureException(type, id);
		}
	}

}
